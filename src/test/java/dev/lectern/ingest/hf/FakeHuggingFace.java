package dev.lectern.ingest.hf;

import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Answers like Hugging Face's Daily Papers API: the recorded response of 13 March 2024 (four papers
 * and two items that cannot become papers) for the days given, an empty day for the others.
 */
public final class FakeHuggingFace {
  public static final LocalDate RECORDED_DAY = LocalDate.of(2024, 3, 13);

  private FakeHuggingFace() {}

  /** A server with the recorded papers on the days {@code withPapers} accepts. */
  public static LocalHttpServer start(Predicate<LocalDate> withPapers) throws IOException {
    return LocalHttpServer.start(handler(withPapers));
  }

  /** The answers of {@link #start(Predicate)}, for a server that answers more. */
  public static LocalHttpServer.Handler handler(Predicate<LocalDate> withPapers) {
    String recorded = recorded();
    return (req, s) -> {
      if (!req.path().equals("/api/daily_papers") || req.param("date") == null)
        return Reply.status(404, "{\"error\":\"not found\"}");
      boolean papers = withPapers.test(LocalDate.parse(req.param("date")));
      return new Reply.Response(
          200, Map.of("Content-Type", "application/json"), papers ? recorded : "[]");
    };
  }

  /** A server with the recorded papers on {@link #RECORDED_DAY} only, as the real API would. */
  public static LocalHttpServer start() throws IOException {
    return start(RECORDED_DAY::equals);
  }

  private static String recorded() {
    try (InputStream in = FakeHuggingFace.class.getResourceAsStream("/hf/daily-2024-03-13.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
