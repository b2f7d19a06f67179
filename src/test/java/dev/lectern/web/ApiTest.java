package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import dev.lectern.testing.TestLibrary;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON API over HTTP, on a real library (the first sample page), index and model. The
 * background work is not started here (ServeTest does that), so the embedding queue reads as
 * stopped.
 */
class ApiTest {
  static final String OLD_STYLE_ID = "hep-th/9901001";

  @TempDir static Path dataDir;
  static Lectern lectern;
  static WebServer server;
  static HttpJson http;

  @BeforeAll
  static void serve() {
    lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    TestLibrary.importHfPage(lectern.library(), "page-a.txt");
    TestLibrary.write(
        lectern.library(),
        TestLibrary.paper(
            OLD_STYLE_ID,
            "Graph transformers on the string landscape",
            "We study graph transformers and attention on the landscape of string vacua.",
            List.of("Ada Lovelace"),
            List.of("hep-th"),
            LocalDate.of(1999, 1, 4),
            null));
    Background background = new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET);
    server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            lectern.search(true),
            lectern.library(),
            background);
    http = new HttpJson(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (lectern != null) lectern.close();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void searchAnswersWithMarkedHitsFacetsTotalAndTheModeUsed() {
    Response r = http.get("/api/v1/search?q=" + q("graph transformers") + "&mode=lexical&limit=3");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode json = r.json();
    assertThat(json.get("mode").asText()).isEqualTo("lexical");
    assertThat(json.get("query").asText()).isEqualTo("graph transformers");
    assertThat(json.get("total").asLong()).isGreaterThan(3);
    assertThat(json.get("limit").asInt()).isEqualTo(3);
    assertThat(json.get("tookMs").isNumber()).isTrue();
    assertThat(json.get("hits")).hasSize(3);
    JsonNode hit = json.get("hits").get(0);
    assertThat(hit.get("id").asText()).isNotBlank();
    assertThat(hit.get("titleHtml").asText() + hit.get("snippetHtml").asText()).contains("<mark>");
    assertThat(json.get("facets").has("category")).isTrue();
    assertThat(json.get("facets").has("year")).isTrue();
  }

  @Test
  void theAnswerSaysWhetherItsFacetsCountEveryMatchOrTheBestOnly() {
    JsonNode ranked = http.get("/api/v1/search?q=graph&mode=lexical").json();
    JsonNode byDate = http.get("/api/v1/search?q=graph&mode=lexical&sort=date").json();
    JsonNode filterOnly = http.get("/api/v1/search?cat=hep-th").json();
    assertThat(ranked.get("facetsCountAll").asBoolean()).isFalse();
    assertThat(byDate.get("facetsCountAll").asBoolean()).isTrue();
    assertThat(filterOnly.get("facetsCountAll").asBoolean()).isTrue();
  }

  @Test
  void filtersAndPagingAreApplied() {
    JsonNode all = http.get("/api/v1/search?q=graph&mode=lexical&limit=100").json();
    JsonNode hepTh = http.get("/api/v1/search?q=graph&mode=lexical&cat=hep-th").json();
    assertThat(hepTh.get("total").asLong()).isEqualTo(1);
    assertThat(hepTh.get("hits").get(0).get("id").asText()).isEqualTo(OLD_STYLE_ID);
    JsonNode second = http.get("/api/v1/search?q=graph&mode=lexical&offset=1&limit=1").json();
    assertThat(second.get("hits").get(0).get("id")).isEqualTo(all.get("hits").get(1).get("id"));
    JsonNode before2000 = http.get("/api/v1/search?q=graph&mode=lexical&to=1999-12-31").json();
    assertThat(before2000.get("hits"))
        .extracting(h -> h.get("id").asText())
        .containsExactly(OLD_STYLE_ID);
  }

  @Test
  void hybridIsTheDefaultAndSaysWhenNoPaperHasAVectorYet() {
    JsonNode json = http.get("/api/v1/search?q=" + q("attention heads that retrieve facts")).json();
    assertThat(json.get("mode").asText()).isEqualTo("hybrid");
    assertThat(json.get("notes").toString()).contains("no paper has an embedding yet");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mode=fuzzy                | parameter 'mode' must be one of lexical, semantic, hybrid, not 'fuzzy'",
        "limit=abc                 | parameter 'limit' must be a whole number, not 'abc'",
        "limit=0                   | parameter 'limit' must be between 1 and 100, not 0",
        "limit=1000                | parameter 'limit' must be between 1 and 100, not 1000",
        "offset=-1                 | parameter 'offset' must be between 0 and 1000, not -1",
        "offset=99999999999        | parameter 'offset' must be between 0 and 1000, not 99999999999",
        "sort=newest               | parameter 'sort' must be one of relevance, date, popularity",
        "from=yesterday            | parameter 'from' must be a date like 2024-05-31, not 'yesterday'",
        "q=after%3A2024-13         | parameter 'q': ",
        "q=a&q=b                   | parameter 'q' is given 2 times",
        "qq=graph                  | unknown parameter 'qq' (this endpoint takes author, cat, from, limit, mode,"
      })
  void badSearchParametersAre400sThatNameTheParameterAndWhy(String query, String error) {
    Response r = http.get("/api/v1/search?" + query.strip());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("error").asText()).contains(error.strip());
  }

  @Test
  void oddQueriesAreReadAsWordsNotRejected() {
    for (String odd :
        new String[] {
          "\"unbalanced", "AND", "((((", "a\u0000b\u0007c", "author:", "x".repeat(10_000)
        }) {
      Response r = http.get("/api/v1/search?mode=lexical&q=" + q(odd));
      assertThat(r.status())
          .as("%s: %s", odd.length() > 20 ? odd.substring(0, 20) : odd, r.body())
          .isEqualTo(200);
    }
    assertThat(
            http.get("/api/v1/search?mode=lexical&q=" + q("x".repeat(10_000)))
                .json()
                .get("notes")
                .toString())
        .contains("cut to its first 500 characters");
  }

  @Test
  void similarFindsNeighboursAndTakesIdsWithASlashEncodedOrNot() {
    for (String id : new String[] {OLD_STYLE_ID, "hep-th%2F9901001"}) {
      Response r = http.get("/api/v1/papers/" + id + "/similar?limit=3");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("id").asText()).isEqualTo(OLD_STYLE_ID);
      assertThat(r.json().get("hits"))
          .hasSize(3)
          .noneMatch(h -> h.get("id").asText().equals(OLD_STYLE_ID));
    }
  }

  @Test
  void anUnknownPaperIsA404ThatNamesIt() {
    Response r = http.get("/api/v1/papers/9999.99999/similar");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).contains("no paper with id '9999.99999'");
    assertThat(http.get("/api/v1/papers/" + OLD_STYLE_ID + "/similar?limit=x").status())
        .isEqualTo(400);
  }

  @Test
  void unknownApiPathsAndMethodsAreJsonErrors() {
    for (String path :
        new String[] {"/api", "/api/search", "/api/v1", "/api/v1/searches", "/api/v2/search"}) {
      Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.json().get("error").asText())
          .as(path)
          .contains("no endpoint at")
          .contains("/api/v1/search");
    }
    Response post = http.send("POST", "/api/v1/search?q=x");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().get("error").asText()).contains("POST");
  }

  @Test
  void aPaperIsFoundByItsArxivIdOldStyleOrNewOrByLecternsOwnId() {
    JsonNode old = http.get("/api/v1/papers/" + OLD_STYLE_ID).json();
    assertThat(old.get("id").asText()).isEqualTo(OLD_STYLE_ID);
    assertThat(old.get("title").asText()).isEqualTo("Graph transformers on the string landscape");
    assertThat(old.get("categories")).extracting(JsonNode::asText).containsExactly("hep-th");
    assertThat(old.get("submitted").asText()).isEqualTo("1999-01-04");
    assertThat(old.get("arxivUrl").asText()).isEqualTo("https://arxiv.org/abs/hep-th/9901001");
    assertThat(old.get("pdfUrl").asText()).isEqualTo("https://arxiv.org/pdf/hep-th/9901001");
    assertThat(http.get("/api/v1/papers/hep-th%2F9901001").json().get("id").asText())
        .isEqualTo(OLD_STYLE_ID);

    String someId =
        http.get("/api/v1/search?q=retrieval&mode=lexical&limit=1")
            .json()
            .at("/hits/0/id")
            .asText();
    JsonNode paper = http.get("/api/v1/papers/" + someId).json();
    assertThat(paper.get("id").asText()).isEqualTo(someId);
    assertThat(paper.get("abstractText").asText()).isNotBlank();

    Response unknown = http.get("/api/v1/papers/2401.99999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).contains("no paper with id '2401.99999'");
    assertThat(http.get("/api/v1/papers/" + OLD_STYLE_ID + "?full=1").status()).isEqualTo(400);
  }

  @Test
  void malformedRequestsAreJson400s() {
    Response r = http.raw("/api/v1/search?q=%zz");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("malformed %-escape");
    Response doubleSlash = http.raw("/api/v1/papers//similar");
    assertThat(doubleSlash.status()).isEqualTo(400);
    assertThat(doubleSlash.json().get("error").asText()).contains("refused");
    // a request target that cannot be read has no path to tell API from page: a line of plain text
    for (String target : new String[] {"/api/v1/search?q=a b", "/api/v1/%zz"}) {
      Response unreadable = http.raw(target);
      assertThat(unreadable.status()).as(target).isEqualTo(400);
      assertThat(unreadable.body())
          .as(target)
          .startsWith("the request was refused")
          .doesNotContain("<")
          .doesNotContain("Jetty");
    }
  }

  @Test
  void statusTellsWhereLibraryIndexAndEmbeddingsStand() {
    Response r = http.get("/api/v1/status");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    long papers = lectern.library().count();
    assertThat(json.at("/library/papers").asLong()).isEqualTo(papers);
    assertThat(json.at("/index/papers").asLong()).isEqualTo(papers);
    assertThat(json.at("/index/behind").asLong()).isZero();
    assertThat(json.at("/index/changeSeq").asLong())
        .isEqualTo(json.at("/library/changeSeq").asLong());
    assertThat(json.at("/embeddings/model").asText()).isEqualTo("bge-small-en-v1.5-q8");
    assertThat(json.at("/embeddings/done").asLong() + json.at("/embeddings/pending").asLong())
        .isEqualTo(papers);
    assertThat(json.at("/embeddings/queue/state").asText()).isEqualTo("stopped");
    assertThat(http.get("/api/v1/status?verbose=1").status()).isEqualTo(400);
  }
}
