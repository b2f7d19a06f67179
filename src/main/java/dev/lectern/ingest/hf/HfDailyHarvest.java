package dev.lectern.ingest.hf;

import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.http.PoliteHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Harvests Hugging Face Daily Papers through its JSON API, one request per day ({@code
 * <base>/api/daily_papers?date=YYYY-MM-DD}), oldest day first. Each finished day is a checkpoint,
 * so an interrupted harvest resumes with the next day. Upvotes change over time, so a day fetched
 * again updates them.
 */
public final class HfDailyHarvest implements PaperSource {
  public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

  private final URI baseUrl;
  private final LocalDate from;
  private final LocalDate until;
  private final PoliteHttpClient http;
  private LocalDate lastDay;

  public HfDailyHarvest(URI baseUrl, LocalDate from, LocalDate until, PoliteHttpClient http) {
    if (until.isBefore(from)) {
      throw new IllegalArgumentException(
          "the harvest ends (" + until + ") before it starts (" + from + ")");
    }
    this.baseUrl = baseUrl;
    this.from = from;
    this.until = until;
    this.http = http;
  }

  @Override
  public String name() {
    return HfApiFileSource.NAME;
  }

  @Override
  public String input() {
    return dayUrl(from) + " .. " + until;
  }

  @Override
  public long size() {
    return until.toEpochDay() - from.toEpochDay() + 1;
  }

  @Override
  public String sizeUnit() {
    return "days";
  }

  @Override
  public String checkpointKey() {
    return "harvest:hf-daily:" + baseUrl + ":" + from + ":" + until;
  }

  /** The last day fetched completely, empty or not; null before any. */
  public LocalDate lastDay() {
    return lastDay;
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    LocalDate day = from;
    LocalDate done = parseDay(resumeFrom);
    if (done != null && !done.isBefore(from) && done.isBefore(until)) {
      day = done.plusDays(1);
      sink.note("resuming after " + done + " of an interrupted harvest");
    }
    int empty = 0;
    for (; !day.isAfter(until); day = day.plusDays(1)) {
      URI url = dayUrl(day);
      String body = http.get(url, Map.of("Accept", "application/json"));
      if (HfApiFileSource.parseResponse(body, url.toString(), sink) == 0) empty++;
      lastDay = day;
      sink.checkpoint(day.toString());
      sink.progress(day.toEpochDay() - from.toEpochDay() + 1);
    }
    if (empty > 0) sink.note(empty + " day(s) had no papers (weekends and holidays have none)");
  }

  private URI dayUrl(LocalDate day) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/api/daily_papers?date=" + day);
  }

  private static LocalDate parseDay(String s) {
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
