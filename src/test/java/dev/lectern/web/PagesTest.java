package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages through a running server over a real library and index (see {@link WebFixture}). */
class PagesTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  static HttpJson http;

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
    http = new HttpJson(web.uri());
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  private static Response page(String pathAndQuery) {
    Response r = http.get(pathAndQuery);
    assertThat(r.contentType()).as(pathAndQuery).startsWith("text/html");
    return r;
  }

  /** The paper links of a list, in order. */
  private static List<String> paperLinks(String html) {
    Matcher m =
        Pattern.compile("<h[23] class=\"title\"><a href=\"/papers/([^\"#]+)\"").matcher(html);
    return m.results().map(r -> r.group(1)).toList();
  }

  @Test
  void todayRanksTheDaysPapersByTrendingAndOffersNewestAndTheNeighbouringDays() {
    Response r = page("/?day=2024-03-13");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("<h1>Wednesday 13 March 2024</h1>").contains("4 papers");
    // 50, 5, 1 upvotes, then none
    assertThat(paperLinks(r.body()))
        .containsExactly("2403.02222", "2403.01111", WebFixture.HOSTILE_ID, "2403.03333");
    assertThat(r.body())
        .contains("href=\"/?day=2024-03-12\">← Tue 12 Mar</a>")
        .contains("href=\"/?day=2024-03-14\">Thu 14 Mar →</a>")
        .contains("href=\"https://arxiv.org/abs/2403.02222\"")
        .contains("href=\"https://arxiv.org/pdf/2403.02222\"")
        .contains("href=\"/papers/2403.02222#similar\"")
        .contains("▲ 50")
        .contains("Grace Hopper")
        .contains("cs.CL");

    Response newest = page("/?day=2024-03-13&sort=newest");
    assertThat(paperLinks(newest.body()))
        .containsExactly(WebFixture.HOSTILE_ID, "2403.03333", "2403.02222", "2403.01111");
    assertThat(newest.body()).contains("href=\"/?day=2024-03-12&amp;sort=newest\"");
  }

  @Test
  void weekAndMonthListTheSpansEndingAtTheDayRankedFromTheirLastDay() {
    Response week = page("/?day=2024-03-14&span=week");
    assertThat(week.status()).isEqualTo(200);
    assertThat(week.body())
        .contains("<h1>8–14 March 2024</h1>")
        .contains("6 papers")
        .contains("href=\"/?day=2024-03-14&amp;span=week\" aria-current=\"page\">Week</a>")
        .contains("href=\"/?day=2024-03-14\">Day</a>")
        .contains("href=\"/?day=2024-03-14&amp;span=month\">Month</a>")
        .contains("href=\"/?day=2024-03-14&amp;span=week&amp;sort=newest\">Newest</a>")
        // the week before ends at the nearest earlier day with papers (the generated snapshot's)
        .contains("href=\"/?day=2024-01-01&amp;span=week\">← to Mon 1 Jan</a>");
    // ages counted from the 14th: 50 upvotes a day before it still lead 7 on the day
    assertThat(paperLinks(week.body()))
        .containsExactly(
            "2403.02222",
            "2403.04444",
            "2403.01111",
            "2403.00500",
            WebFixture.HOSTILE_ID,
            "2403.03333");

    Response month = page("/?day=2024-03-14&span=month&sort=newest");
    assertThat(month.body()).contains("<h1>14 February – 14 March 2024</h1>").contains("6 papers");
    assertThat(paperLinks(month.body()))
        .containsExactly(
            "2403.04444",
            WebFixture.HOSTILE_ID,
            "2403.03333",
            "2403.02222",
            "2403.01111",
            "2403.00500");
    Response empty = page("/?day=2023-06-30&span=month");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No papers in these 30 days.").contains("0 papers");
  }

  @Test
  void todayWithoutADayShowsTheNewestDayThatHasPapersAndAPaperWithoutADateOnTheDayItArrived() {
    Response r = page("/");
    assertThat(r.status()).isEqualTo(200);
    // the sample pages give no dates: their papers count on the day they were imported, today
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    assertThat(r.body())
        .contains(
            "<h1>"
                + today.format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "EEEE d MMMM yyyy", java.util.Locale.ENGLISH))
                + "</h1>")
        .contains("href=\"/?day=2024-03-14\"");
    assertThat(paperLinks(r.body())).hasSize(TodayPage.PAGE_SIZE);
    assertThat(r.body()).contains("Next page →").contains("&amp;page=2");
  }

  @Test
  void badTodayParametersAre400Pages() {
    for (String q :
        new String[] {
          "day=yesterday",
          "day=2024-13-01",
          "sort=best",
          "page=0",
          "page=x",
          "days=1",
          "span=year",
          "span=week&span=day",
          "page=" + (TodayPage.MAX_PAGE + 1)
        }) {
      Response r = page("/?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.body())
          .as(q)
          .contains("<h1>That request cannot be answered</h1>")
          .contains("parameter");
    }
  }

  @Test
  void aPaperPageShowsItsFactsAbstractAndTenSimilarPapers() {
    Response r = page("/papers/2403.02222");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("<h1>Retrieval heads in long-context transformers</h1>")
        .contains("<a class=\"author\" href=\"/authors/Grace%20Hopper\">Grace Hopper</a>")
        .contains("submitted 2024-03-13")
        .contains("50 on Hugging Face")
        .contains("Attention heads that retrieve facts")
        .contains("href=\"https://arxiv.org/pdf/2403.02222\"")
        .contains("id=\"similar\"");
    String similar = r.body().substring(r.body().indexOf("id=\"similar\""));
    assertThat(paperLinks(similar)).hasSize(PaperPage.SIMILAR).doesNotContain("2403.02222");
  }

  @Test
  void oldStyleIdsWorkWithTheirSlash() {
    Response r = page("/papers/" + WebFixture.OLD_STYLE_ID);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("<h1>Graph transformers on the string landscape</h1>")
        .contains("https://arxiv.org/abs/hep-th/9901001");
    assertThat(page("/papers/hep-th%2F9901001").status()).isEqualTo(200);
  }

  @Test
  void authorNamesWrittenInLatexShowAsLetters() {
    String paper = page("/papers/" + WebFixture.OLD_STYLE_ID).body();
    assertThat(paper).contains(">Kurt Gödel</a>").doesNotContain("G\\&quot;odel");
    String day = page("/?day=1999-01-04").body();
    assertThat(day).contains(">Kurt Gödel</a>").doesNotContain("G\\&quot;odel");
  }

  @Test
  void anUnknownPaperIsA404PageThatOffersASearch() {
    Response r = page("/papers/2401.99999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body())
        .contains("<h1>Not found</h1>")
        .contains("No paper with the id '2401.99999'")
        .contains("action=\"/search\"")
        .contains("Search the library instead");
    Response nowhere = page("/nowhere");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.body()).contains("There is no page at /nowhere.");
  }

  @Test
  void searchShowsMarkedHitsTotalNotesAndPagesKeepingTheQueryInTheUrl() {
    String q = URLEncoder.encode("attention", StandardCharsets.UTF_8);
    Response r = page("/search?q=" + q + "&mode=lexical");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("value=\"attention\"")
        .contains("<option value=\"lexical\" selected>")
        .contains("<mark>")
        .containsPattern("<p class=\"summary\">[\\d,]+ papers")
        .contains("Query syntax");
    List<String> first = paperLinks(r.body());
    assertThat(first).hasSize(SearchPage.PAGE_SIZE);
    assertThat(r.body()).contains("href=\"/search?q=attention&amp;mode=lexical&amp;page=2\"");
    Response second = page("/search?q=attention&mode=lexical&page=2");
    assertThat(second.body())
        .contains("<ol class=\"papers\" start=\"21\">")
        .contains("← Previous page");
    assertThat(paperLinks(second.body())).doesNotContainAnyElementsOf(first);

    Response hybrid =
        page("/search?q=" + URLEncoder.encode("facts from long inputs", StandardCharsets.UTF_8));
    assertThat(hybrid.body())
        .contains("<option value=\"hybrid\" selected>")
        .contains("no paper has an embedding yet");
  }

  @Test
  void aMalformedFilterIsA400SearchPageThatSaysWhatItExpects() {
    Response r = page("/search?q=" + URLEncoder.encode("graph year:24", StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body())
        .contains("class=\"error\" role=\"alert\"")
        .contains("year:")
        .contains("value=\"graph year:24\"");
    assertThat(page("/search?q=x&page=52").status()).isEqualTo(400);
    assertThat(page("/search?q=x&mode=fuzzy").status()).isEqualTo(400);
    assertThat(page("/search").body()).doesNotContain("class=\"summary\"");
  }

  @Test
  void pagesCarryAStrictPolicyAndTheStylesheetIsFingerprintedAndCachedForAYear() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var answer =
        client.send(
            java.net.http.HttpRequest.newBuilder(web.uri().resolve("/")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    var headers = answer.headers();
    assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'")
        .contains("style-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.body())
        .as("no inline script: only Lectern's own files")
        .doesNotContainPattern("<script(?! src=\"/assets/)")
        .doesNotContain("style=\"")
        .doesNotContain("<style");

    Matcher css =
        Pattern.compile("href=\"(/assets/lectern\\.[0-9a-f]{12}\\.css)\"").matcher(answer.body());
    assertThat(css.find()).isTrue();
    var sheet =
        client.send(
            java.net.http.HttpRequest.newBuilder(web.uri().resolve(css.group(1))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(sheet.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(sheet.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(sheet.body()).contains("prefers-color-scheme: dark");
    assertThat(http.get("/assets/lectern.000000000000.css").status()).isEqualTo(404);
  }

  @Test
  void pagesAnswerGetOnly() {
    for (String path : new String[] {"/", "/search?q=x", "/papers/2403.02222"}) {
      Response r = http.send("POST", path);
      assertThat(r.status()).as(path).isEqualTo(405);
      assertThat(r.body()).as(path).contains("method POST is not allowed");
    }
  }
}
