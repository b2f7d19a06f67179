package dev.lectern.web;

import static dev.lectern.testing.BibtexReader.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.testing.BibtexReader;
import dev.lectern.testing.TestLibrary;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jbibtex.BibTeXEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/**
 * A paper's BibTeX and the exports and Atom feeds of searches and days, through a running server
 * over a real library and index (see {@link WebFixture}), each read back by a parser of its format.
 */
class ExportsTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  static final HttpClient client = HttpClient.newHttpClient();

  static final String MOVED_TITLE = "A preprint first met on a saved page";
  static final String MOVED_FROM = PaperIds.fromTitle(MOVED_TITLE);

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
    // known by its title first, then by its arXiv id: the title's id redirects
    TestLibrary.write(
        web.lectern.library(), Paper.of(MOVED_FROM, MOVED_TITLE, "", List.of(), "hf-page"));
    TestLibrary.write(
        web.lectern.library(),
        TestLibrary.paper(
            "2403.05555",
            MOVED_TITLE,
            "Found later on arXiv.",
            List.of("Ada Lovelace"),
            List.of("cs.DL"),
            WebFixture.DAY.minusDays(30),
            null));
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  static HttpResponse<String> get(String pathAndQuery) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(web.uri() + pathAndQuery)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static HttpResponse<String> ok(String pathAndQuery, String type) {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(type));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    return r;
  }

  static String disposition(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Disposition").orElse(null);
  }

  static Feed atom(String xml) {
    try {
      return (Feed) new WireFeedInput().build(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not Atom: " + xml, e);
    }
  }

  static List<CSVRecord> csv(String body) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  @Test
  void aPapersBibtexIsADownloadWithItsArxivFields() {
    HttpResponse<String> r = ok("/papers/2403.02222.bib", "application/x-bibtex");
    assertThat(disposition(r)).isEqualTo("attachment; filename=\"2403.02222.bib\"");
    Map<String, BibTeXEntry> entries = BibtexReader.read(r.body());
    BibTeXEntry e = entries.get("hopper2024retrieval");
    assertThat(e).as(r.body()).isNotNull();
    assertThat(field(e, "title")).isEqualTo("Retrieval heads in long-context transformers");
    assertThat(field(e, "author")).isEqualTo("Grace Hopper");
    assertThat(field(e, "eprint")).isEqualTo("2403.02222");
    assertThat(field(e, "archivePrefix")).isEqualTo("arXiv");
    assertThat(field(e, "primaryClass")).isEqualTo("cs.CL");
    assertThat(field(e, "url")).isEqualTo("https://arxiv.org/abs/2403.02222");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/papers/hep-th/9901001.bib", "/papers/hep-th%2F9901001.bib"})
  void anOldStyleIdsBibtexTakesItsSlash(String path) {
    HttpResponse<String> r = ok(path, "application/x-bibtex");
    assertThat(disposition(r)).isEqualTo("attachment; filename=\"hep-th-9901001.bib\"");
    BibTeXEntry e = BibtexReader.read(r.body()).get("lovelace1999graph");
    assertThat(e).as(r.body()).isNotNull();
    assertThat(field(e, "author")).isEqualTo("Ada Lovelace and Kurt Gödel");
    assertThat(field(e, "eprint")).isEqualTo("hep-th/9901001");
  }

  @Test
  void theHostilePapersBibtexParsesAndItsPageShowsItAsText() {
    HttpResponse<String> r =
        ok("/papers/" + WebFixture.HOSTILE_ID + ".bib", "application/x-bibtex");
    BibTeXEntry e = BibtexReader.read(r.body()).values().iterator().next();
    assertThat(BibtexReader.printed(field(e, "title"))).isEqualTo(WebFixture.HOSTILE_TITLE);
    String page = ok("/papers/" + WebFixture.HOSTILE_ID, "text/html").body();
    assertThat(page)
        .contains("<textarea id=\"bibtex\" readonly")
        .contains("title = {&lt;script&gt;alert(1)&lt;/script&gt; \\&amp; &lt;b&gt;bold&lt;/b&gt;")
        .contains("href=\"/papers/" + WebFixture.HOSTILE_ID + ".bib\" download>Download")
        .doesNotContain("<script>");
  }

  @Test
  void aPapersPageOffersItsBibtexToCopyAndDownload() {
    String page = ok("/papers/hep-th/9901001", "text/html").body();
    assertThat(page)
        .contains("<h2 id=\"cite-h\">Cite</h2>")
        .contains("<label for=\"bibtex\">")
        .contains("href=\"/papers/hep-th/9901001.bib\" download>Download hep-th-9901001.bib</a>")
        .contains("@misc{lovelace1999graph,");
  }

  @Test
  void aMovedPapersBibtexRedirectsToItsArxivIds() {
    HttpResponse<String> r = get("/papers/" + MOVED_FROM + ".bib");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue("/papers/2403.05555.bib");
  }

  @Test
  void anUnknownPapersBibtexIsTheNotFoundPage() {
    HttpResponse<String> r = get("/papers/2401.99999.bib");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("No paper with the id '2401.99999'");
    assertThat(get("/papers/2403.02222.bib?x=1").statusCode()).isEqualTo(400);
  }

  @Test
  void aSearchsBibtexListsItsHitsWithUniqueKeys() {
    HttpResponse<String> r = ok("/search.bib?q=attention&mode=lexical", "application/x-bibtex");
    assertThat(disposition(r)).isEqualTo("attachment; filename=\"lectern-search-attention.bib\"");
    Map<String, BibTeXEntry> entries = BibtexReader.read(r.body());
    long count = r.body().lines().filter(l -> l.startsWith("@")).count();
    assertThat(entries).hasSize((int) count); // no key given twice
    assertThat(count).isGreaterThan(5);
    // Emmy Noether's two papers of 2024 whose titles start alike
    assertThat(entries).containsKeys("noether2024paper", "noether2024paperb");
    assertThat(BibtexReader.read(get("/search.bib?q=attention&mode=lexical&limit=2").body()))
        .hasSize(2);
  }

  @Test
  void aSearchsCsvAndJsonListTheSamePapersInTheSameOrder() throws IOException {
    String query = "/search.%s?q=" + Links.encode("graph transformers") + "&mode=lexical&limit=5";
    HttpResponse<String> c = ok(query.formatted("csv"), "text/csv");
    assertThat(disposition(c))
        .isEqualTo("attachment; filename=\"lectern-search-graph-transformers.csv\"");
    List<CSVRecord> rows = csv(c.body());
    assertThat(rows).hasSize(5);
    HttpResponse<String> j = ok(query.formatted("json"), "application/json");
    JsonNode papers = new ObjectMapper().readTree(j.body());
    assertThat(papers.isArray()).isTrue();
    assertThat(papers).hasSize(5);
    for (int i = 0; i < 5; i++)
      assertThat(papers.get(i).get("id").asText()).isEqualTo(rows.get(i).get("id"));
    // the API's paper shape
    String id = papers.get(0).get("id").asText();
    JsonNode api = new ObjectMapper().readTree(get("/api/v1/papers/" + id).body());
    assertThat(papers.get(0)).isEqualTo(api);
  }

  @Test
  void aSearchsAtomFeedIsNewestFirstWithAbsoluteLinks() {
    String self = "/search.atom?q=attention&mode=lexical";
    Feed feed = atom(ok(self, "application/atom+xml").body());
    assertThat(feed.getTitle()).isEqualTo("Lectern: attention");
    assertThat(feed.getOtherLinks()).extracting(Link::getHref).containsExactly(web.uri() + self);
    assertThat(feed.getAlternateLinks().getFirst().getHref())
        .isEqualTo(web.uri() + "/search?q=attention&mode=lexical");
    List<Entry> entries = feed.getEntries();
    assertThat(entries).hasSizeGreaterThan(5).hasSizeLessThanOrEqualTo(Exports.FEED_ENTRIES);
    List<Date> published =
        entries.stream().map(Entry::getPublished).filter(d -> d != null).toList();
    assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    Entry first = entries.getFirst();
    assertThat(first.getId()).startsWith("https://arxiv.org/abs/");
    String id = first.getId().substring("https://arxiv.org/abs/".length());
    assertThat(first.getAlternateLinks().getFirst().getHref())
        .isEqualTo(web.uri() + Links.paper(id));
    assertThat(atom(get(self + "&limit=3").body()).getEntries()).hasSize(3);
  }

  @Test
  void theDailyFeedIsADaysTrendingPapers() {
    Feed day = atom(ok("/feed.atom?day=2024-03-13", "application/atom+xml").body());
    assertThat(day.getEntries())
        .extracting(Entry::getId)
        .containsExactly(
            "https://arxiv.org/abs/2403.02222",
            "https://arxiv.org/abs/2403.01111",
            "https://arxiv.org/abs/" + WebFixture.HOSTILE_ID,
            "https://arxiv.org/abs/2403.03333");
    assertThat(day.getEntries().get(2).getTitle()).isEqualTo(WebFixture.HOSTILE_TITLE);
    assertThat(day.getAlternateLinks().getFirst().getHref())
        .isEqualTo(web.uri() + "/?day=2024-03-13");
    // without a day: the newest, where the saved pages (no dates) count on their import's day
    Feed newest = atom(ok("/feed.atom", "application/atom+xml").body());
    assertThat(newest.getTitle()).isEqualTo("Lectern: trending papers of the newest day");
    assertThat(newest.getEntries()).isNotEmpty();
    assertThat(newest.getAlternateLinks().getFirst().getHref()).isEqualTo(web.uri() + "/");
  }

  @Test
  void aDaysExportsFollowItsOrder() throws IOException {
    HttpResponse<String> r = ok("/feed.csv?day=2024-03-13&sort=newest", "text/csv");
    assertThat(disposition(r)).isEqualTo("attachment; filename=\"lectern-2024-03-13-newest.csv\"");
    assertThat(csv(r.body()))
        .extracting(row -> row.get("id"))
        .containsExactly("2403.09999", "2403.03333", "2403.02222", "2403.01111");
    assertThat(BibtexReader.read(ok("/feed.bib?day=2024-03-13", "application/x-bibtex").body()))
        .hasSize(4);
    assertThat(ok("/feed.json?day=2024-03-10", "application/json").body()).isEqualTo("[]");
  }

  @Test
  void aWeeksExportsListTheWholeWeekAndTodaysWeekLinksThem() throws IOException {
    HttpResponse<String> r = ok("/feed.csv?day=2024-03-14&span=week&sort=newest", "text/csv");
    assertThat(disposition(r))
        .isEqualTo("attachment; filename=\"lectern-2024-03-14-week-newest.csv\"");
    // the week to the 14th: the day after, the day itself and the day before
    assertThat(csv(r.body()))
        .extracting(row -> row.get("id"))
        .startsWith("2403.04444")
        .contains("2403.02222", "2403.00500");
    assertThat(ok("/?day=2024-03-14&span=week", "text/html").body())
        .contains("href=\"/feed.csv?day=2024-03-14&amp;span=week\" download>CSV</a>");
  }

  @Test
  void theListPagesLinkTheirExportsAndFeedsForReadersAndPeople() {
    String today = ok("/?day=2024-03-13&sort=newest", "text/html").body();
    assertThat(today)
        .contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Lectern: trending"
                + " papers of the newest day\" href=\"/feed.atom\">")
        .contains("href=\"/feed.bib?day=2024-03-13&amp;sort=newest\" download>BibTeX</a>")
        .contains("href=\"/feed.csv?day=2024-03-13&amp;sort=newest\" download>CSV</a>")
        .contains("<a class=\"feed\" href=\"/feed.atom\"");
    String search = ok("/search?q=attention&mode=lexical&page=2", "text/html").body();
    assertThat(search)
        .contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Lectern: attention\""
                + " href=\"/search.atom?q=attention&amp;mode=lexical\">")
        .contains("href=\"/search.json?q=attention&amp;mode=lexical\" download>JSON</a>");
    assertThat(ok("/search", "text/html").body()).doesNotContain("application/atom+xml");
    assertThat(ok("/papers/2403.02222", "text/html").body()).doesNotContain("rel=\"alternate\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/search.bib?q=x&limit=0",
        "/search.csv?q=x&limit=1001",
        "/search.json?q=x&limit=many",
        "/search.atom?q=x&page=2",
        "/search.bib?q=year:24",
        "/search.csv?q=x&mode=fuzzy",
        "/feed.atom?day=yesterday",
        "/feed.bib?sort=best",
        "/feed.csv?span=year",
        "/feed.csv?q=x",
      })
  void badParametersAreA400PageThatSaysWhy(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).contains("parameter");
  }

  @Test
  void aFeedsLinksAreAbsoluteToTheHostTheRequestNamed() throws IOException {
    try (Socket socket = new Socket(web.uri().getHost(), web.uri().getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /feed.atom?day=2024-03-13 HTTP/1.0\r\nHost: lectern.example:8443\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Feed feed = atom(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(feed.getEntries().getFirst().getAlternateLinks().getFirst().getHref())
          .isEqualTo("http://lectern.example:8443/papers/2403.02222");
    }
  }
}
