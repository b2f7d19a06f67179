package dev.lectern.ingest.arxiv;

import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.http.PoliteHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Harvests arXiv metadata over OAI-PMH ({@code verb=ListRecords&metadataPrefix=arXiv}), page by
 * page along the resumption tokens. After each page the token of the next page is announced as the
 * checkpoint, so an interrupted harvest resumes where it stopped; a token that expired meanwhile
 * restarts the harvest from {@code from}, which re-reads records the library already holds and
 * changes nothing.
 *
 * <p>One instance describes one harvest (base URL, set, date range); after {@link #read} it knows
 * the most recent datestamp it saw, which is where the next incremental harvest can start.
 */
public final class OaiPmhSource implements PaperSource {
  public static final String NAME = ArxivOaiParser.SOURCE;

  /** arXiv's OAI-PMH endpoint since 2024 (the old http://export.arxiv.org/oai2 redirects here). */
  public static final URI DEFAULT_BASE_URL = URI.create("https://oaipmh.arxiv.org/oai");

  private static final String METADATA_PREFIX = "arXiv";

  private final URI baseUrl;
  private final String set;
  private final LocalDate from;
  private final LocalDate until;
  private final PoliteHttpClient http;
  private final ArxivOaiParser parser = new ArxivOaiParser();
  private LocalDate latestDatestamp;

  /**
   * @param baseUrl the repository's OAI-PMH endpoint, e.g. {@link #DEFAULT_BASE_URL}
   * @param set a setSpec such as {@code cs} or {@code physics:hep-th}, or null for everything
   * @param from first datestamp to harvest (inclusive), or null for the beginning
   * @param until last datestamp to harvest (inclusive), or null for today
   */
  public OaiPmhSource(
      URI baseUrl, String set, LocalDate from, LocalDate until, PoliteHttpClient http) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.set = set == null || set.isBlank() ? null : set.strip();
    this.from = from;
    this.until = until;
    this.http = Objects.requireNonNull(http, "http");
    if (from != null && until != null && from.isAfter(until)) {
      throw new IllegalArgumentException(
          "the harvest would start (" + from + ") after it ends (" + until + ")");
    }
  }

  /** A harvest of arXiv's own endpoint. */
  public OaiPmhSource(String set, LocalDate from, LocalDate until, PoliteHttpClient http) {
    this(DEFAULT_BASE_URL, set, from, until, http);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String input() {
    return firstPageUrl().toString();
  }

  /**
   * The same endpoint, set and dates give the same key, so only the same harvest resumes from a
   * token.
   */
  @Override
  public String checkpointKey() {
    return "harvest:"
        + NAME
        + ":"
        + baseUrl
        + ":"
        + orDash(set)
        + ":"
        + orDash(from)
        + ":"
        + orDash(until);
  }

  /**
   * The most recent header datestamp among the records of the last {@link #read} (deleted ones
   * included), or empty when it saw none. Store it and pass it as {@code from} next time for an
   * incremental harvest: OAI-PMH {@code from} is inclusive, so that day is read again, which is
   * harmless.
   */
  public Optional<LocalDate> latestDatestamp() {
    return Optional.ofNullable(latestDatestamp);
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    latestDatestamp = null;
    Checkpoint resume = Checkpoint.parse(resumeFrom);
    String token = null;
    if (resume == null) {
      if (set != null) requireSetExists();
    } else {
      token = resume.token();
      latestDatestamp = resume.latest();
      sink.note("resuming the harvest at resumption token " + token);
    }
    Harvest h = new Harvest(sink);
    boolean restarted = false;
    while (true) {
      URI url = token == null ? firstPageUrl() : nextPageUrl(token);
      OaiPage page = fetchRecords(url);
      if (page.error() != null) {
        if (page.error().is(OaiError.NO_RECORDS_MATCH)) {
          sink.note("no records to harvest: " + page.error().message());
          break;
        }
        if (page.error().is(OaiError.BAD_RESUMPTION_TOKEN) && token != null && !restarted) {
          // tokens expire (arXiv keeps them for hours); starting over re-reads what we have,
          // changing nothing
          restarted = true;
          sink.note(
              "the resumption token "
                  + token
                  + " expired; restarting the harvest from "
                  + (from == null ? "the beginning" : from.toString()));
          token = null;
          continue;
        }
        throw new IOException("the OAI-PMH server answered " + url + " with error " + page.error());
      }
      h.deliver(page);
      String next = page.nextToken();
      if (next == null) break;
      if (next.equals(token)) {
        throw new IOException(
            "the OAI-PMH server sent the same resumption token "
                + token
                + " twice; "
                + "stopping rather than reading the same page forever");
      }
      sink.checkpoint(new Checkpoint(next, latestDatestamp).format());
      token = next;
    }
    if (h.deleted > 0) sink.note(h.deleted + " deleted records skipped");
  }

  /** Hands a page's records to the sink, keeping count and the latest datestamp. */
  private final class Harvest {
    private final RecordSink sink;
    private long records;
    private long deleted;

    Harvest(RecordSink sink) {
      this.sink = sink;
    }

    void deliver(OaiPage page) {
      for (OaiPage.Entry e : page.entries()) {
        switch (e) {
          case OaiPage.Entry.Accepted a -> sink.accept(a.paper(), a.location());
          case OaiPage.Entry.Rejected r -> sink.reject(r.location(), r.reason());
        }
      }
      records += page.entries().size() + page.deleted();
      deleted += page.deleted();
      if (page.latestDatestamp() != null
          && (latestDatestamp == null || page.latestDatestamp().isAfter(latestDatestamp))) {
        latestDatestamp = page.latestDatestamp();
      }
      sink.progress(records);
    }
  }

  /**
   * The sets the repository offers, following ListSets' resumption tokens.
   *
   * @throws IllegalArgumentException when the repository has no sets at all
   */
  public List<OaiSet> listSets() throws IOException {
    List<OaiSet> sets = new ArrayList<>();
    String token = null;
    do {
      URI url =
          token == null
              ? url("verb=ListSets")
              : url("verb=ListSets&resumptionToken=" + encode(token));
      SetsPage page = fetchSets(url);
      if (page.error() != null) {
        if (page.error().is(OaiError.NO_SET_HIERARCHY)) {
          throw new IllegalArgumentException(baseUrl + " offers no sets; harvest without a set");
        }
        throw new IOException("the OAI-PMH server answered " + url + " with error " + page.error());
      }
      sets.addAll(page.sets());
      String next = page.nextToken();
      if (next != null && next.equals(token))
        throw new IOException(url + " repeated its resumption token");
      token = next;
    } while (token != null);
    return sets;
  }

  private void requireSetExists() throws IOException {
    List<OaiSet> sets = listSets();
    Set<String> specs =
        sets.stream().map(OaiSet::spec).collect(Collectors.toCollection(LinkedHashSet::new));
    if (!specs.contains(set)) {
      throw new IllegalArgumentException(
          "there is no set '"
              + set
              + "' at "
              + baseUrl
              + "; the sets are: "
              + sets.stream().map(OaiSet::toString).collect(Collectors.joining(", ")));
    }
  }

  /** A page that arrives cut short or garbled is fetched once more before the harvest gives up. */
  private OaiPage fetchRecords(URI url) throws IOException {
    try {
      return parser.parseRecords(http.get(url), url.toString());
    } catch (MalformedResponseException first) {
      return parser.parseRecords(http.get(url), url.toString());
    }
  }

  private SetsPage fetchSets(URI url) throws IOException {
    try {
      return parser.parseSets(http.get(url), url.toString());
    } catch (MalformedResponseException first) {
      return parser.parseSets(http.get(url), url.toString());
    }
  }

  URI firstPageUrl() {
    StringBuilder q = new StringBuilder("verb=ListRecords&metadataPrefix=" + METADATA_PREFIX);
    if (set != null) q.append("&set=").append(encode(set));
    if (from != null) q.append("&from=").append(from);
    if (until != null) q.append("&until=").append(until);
    return url(q.toString());
  }

  private URI nextPageUrl(String token) {
    // OAI-PMH allows no other argument next to resumptionToken
    return url("verb=ListRecords&resumptionToken=" + encode(token));
  }

  private URI url(String query) {
    String base = baseUrl.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String orDash(Object o) {
    return o == null ? "-" : o.toString();
  }

  /**
   * What is saved between runs: the next page's token and the latest datestamp seen before it, so a
   * resumed harvest still reports the right latest date. Written as {@code <date or ->|<token>};
   * the date has no '|', the token may.
   */
  record Checkpoint(String token, LocalDate latest) {
    String format() {
      return orDash(latest) + "|" + token;
    }

    /** Null for no checkpoint; a string not in this form is taken as a bare token. */
    static Checkpoint parse(String s) {
      if (s == null || s.isBlank()) return null;
      int bar = s.indexOf('|');
      if (bar > 0) {
        String head = s.substring(0, bar);
        try {
          return new Checkpoint(
              s.substring(bar + 1), head.equals("-") ? null : LocalDate.parse(head));
        } catch (java.time.format.DateTimeParseException e) {
          // not ours: a bare token that happens to contain '|'
        }
      }
      return new Checkpoint(s, null);
    }
  }
}
