package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Browsing through a running server over a real library (see {@link WebFixture}): an author's and a
 * category's papers, the links that lead there, and the API's feed, author and category lists.
 */
class BrowseTest {
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

  private static List<String> paperLinks(String html) {
    Matcher m =
        Pattern.compile("<h[23] class=\"title\"><a href=\"/papers/([^\"#]+)\"").matcher(html);
    return m.results().map(r -> r.group(1)).toList();
  }

  private static List<String> ids(JsonNode list, String field) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(n -> field.isEmpty() ? n.get("id").asText() : n.get(field).get("id").asText())
        .toList();
  }

  @Test
  void anAuthorsPageListsTheirPapersNewestFirstWithTheirCategories() {
    Response r = http.get("/authors/Ada%20Lovelace");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("<h1>Ada Lovelace</h1>")
        .contains("2 papers, newest first")
        .contains("<title>Ada Lovelace · Lectern</title>")
        .contains("href=\"/categories/cs.CL\">cs.CL</a><span class=\"n\">1</span>")
        .contains("href=\"/categories/hep-th\">hep-th</a><span class=\"n\">1</span>")
        .contains("href=\"/search?q=author%3A%22Ada+Lovelace%22\"");
    assertThat(paperLinks(r.body())).containsExactly("2403.01111", WebFixture.OLD_STYLE_ID);
  }

  @Test
  void aNameStoredInLatexIsFoundAsLettersAsLatexOrWithoutAccents() {
    for (String path :
        new String[] {
          "/authors/Kurt%20G%C3%B6del", "/authors/Kurt%20G%5C%22odel", "/authors/kurt%20godel"
        }) {
      Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(paperLinks(r.body())).as(path).containsExactly(WebFixture.OLD_STYLE_ID);
    }
    assertThat(http.get("/authors/Kurt%20G%5C%22odel").body()).contains("<h1>Kurt Gödel</h1>");
  }

  @Test
  void cardsAndThePaperPageLinkToAuthorAndCategoryPagesThatListThePaper() {
    String today = http.get("/?day=" + WebFixture.DAY).body();
    assertThat(today)
        .contains("<span class=\"author\"><a href=\"/authors/Grace%20Hopper\">Grace Hopper</a>")
        .contains("<a class=\"cat\" href=\"/categories/cs.CL\">cs.CL</a>");
    String paper = http.get("/papers/" + WebFixture.OLD_STYLE_ID).body();
    assertThat(paper)
        .contains("<a class=\"author\" href=\"/authors/Kurt%20G%C3%B6del\">Kurt Gödel</a>")
        .contains("<a class=\"cat\" href=\"/categories/hep-th\">hep-th</a>");
    for (String link : new String[] {"/authors/Kurt%20G%C3%B6del", "/categories/hep-th"}) {
      assertThat(paperLinks(http.get(link).body())).as(link).contains(WebFixture.OLD_STYLE_ID);
    }
    assertThat(paperLinks(http.get("/authors/Grace%20Hopper").body()))
        .containsExactly("2403.02222");
  }

  @Test
  void aCategoryPagesThroughItsPapersAndAnArchiveHoldsAllOfItsCategories() {
    // the generated snapshot's 40 papers (1 January 2024) and one of 13 March
    Response first = http.get("/categories/cs.LG");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .contains("<h1>cs.LG</h1>")
        .contains("41 papers, newest first")
        .contains("href=\"/categories/stat.ML\">stat.ML</a><span class=\"n\">40</span>")
        .contains("href=\"/categories/cs.LG?page=2\">Older →</a>");
    String facets = first.body().substring(first.body().indexOf("class=\"list-cats\""));
    assertThat(facets.substring(0, facets.indexOf("</nav>")))
        .as("where else the papers are listed")
        .doesNotContain("href=\"/categories/cs.LG\"");
    List<String> all = new ArrayList<>(paperLinks(first.body()));
    assertThat(all).hasSize(ListPages.PAGE_SIZE).first().isEqualTo("2403.03333");
    Response second = http.get("/categories/cs.LG?page=2");
    assertThat(second.body()).contains("href=\"/categories/cs.LG\">← Newer</a>");
    all.addAll(paperLinks(second.body()));
    assertThat(all).hasSize(41).doesNotHaveDuplicates();

    assertThat(http.get("/categories/cs").body()).contains("44 papers"); // cs.LG, cs.CL, cs.CR
  }

  @Test
  void unknownNamesAre404PagesAndMalformedOnes400() {
    Response author = http.get("/authors/Nobody%20Atall");
    assertThat(author.status()).isEqualTo(404);
    assertThat(author.body()).contains("No paper in the library has an author named");
    assertThat(http.get("/categories/math.AG").status()).isEqualTo(404);
    for (String path :
        new String[] {
          "/categories/cs..LG",
          "/categories/CS",
          "/categories/cs.LG%20x",
          "/authors/%20",
          "/authors/" + "a".repeat(ListPages.MAX_NAME + 1),
          "/authors/Ada?page=0",
          "/authors/Ada?x=1"
        }) {
      Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).contains("<h1>That request cannot be answered</h1>");
    }
  }

  @Test
  void theApiListsAnAuthorsAndACategorysPapersInTheSameOrder() {
    Response r = http.get("/api/v1/authors/Emmy%20Noether");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("author").asText()).isEqualTo("Emmy Noether");
    assertThat(json.get("total").asLong()).isEqualTo(2);
    assertThat(ids(json.get("hits"), "")).containsExactly("2403.04444", "2403.00500");
    assertThat(json.get("facets").get("category").get(0).get("value").asText())
        .isEqualTo("math.RA");

    JsonNode page = http.get("/api/v1/categories/cs.LG?offset=30&limit=5").json();
    assertThat(page.get("category").asText()).isEqualTo("cs.LG");
    assertThat(page.get("total").asLong()).isEqualTo(41);
    List<String> pageIds = ids(page.get("hits"), "");
    assertThat(pageIds).hasSize(5);
    assertThat(paperLinks(http.get("/categories/cs.LG?page=2").body()).subList(0, 5))
        .isEqualTo(pageIds);

    Response none = http.get("/api/v1/authors/Nobody%20Atall");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("error").asText()).contains("No paper", "Nobody Atall");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/feed?span=year | parameter 'span' must be one of day, week, month, not 'year'",
        "/api/v1/feed?day=2024-02-30 | parameter 'day' must be a date like 2024-05-31",
        "/api/v1/feed?limit=101 | parameter 'limit' must be between 1 and 100, not 101",
        "/api/v1/feed?offset=-1 | parameter 'offset' must be between 0 and 10000",
        "/api/v1/feed?sort=best | parameter 'sort' must be one of trending, newest",
        "/api/v1/feed?days=2 | unknown parameter 'days' (this endpoint takes day, limit, offset,"
            + " sort, span)",
        "/api/v1/authors/Ada?limit=0 | parameter 'limit' must be between 1 and 100, not 0",
        "/api/v1/authors/Ada?page=2 | unknown parameter 'page' (this endpoint takes limit, offset)",
        "/api/v1/categories/cs.LG?offset=10001 | must be between 0 and 10000, not 10001",
        "/api/v1/categories/x%20y | a category looks like cs.LG, math.AG, hep-th or cs"
      })
  void badListParametersAre400sThatSayWhatIsAccepted(String target, String error) {
    Response r = http.get(target.strip());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("error").asText()).contains(error.strip());
  }

  @Test
  void aWeekExportsAsTodayListsIt() {
    String page = http.get("/?day=2024-03-14&span=week").body();
    assertThat(page).contains("href=\"/feed.json?day=2024-03-14&amp;span=week\"");
    JsonNode exported = http.get("/feed.json?day=2024-03-14&span=week").json();
    assertThat(ids(exported, "")).isEqualTo(paperLinks(page));
  }

  @Test
  void theFeedAnswersWhatTodayShowsForEachSpanAndOrder() {
    for (String query :
        new String[] {
          "day=2024-03-14&span=week", "day=2024-03-14&span=month&sort=newest", "day=2024-03-13"
        }) {
      JsonNode feed = http.get("/api/v1/feed?" + query).json();
      assertThat(ids(feed.get("entries"), "paper"))
          .as(query)
          .isEqualTo(paperLinks(http.get("/?" + query).body()));
    }
    JsonNode week = http.get("/api/v1/feed?day=2024-03-14&span=week&limit=2").json();
    assertThat(week.get("span").asText()).isEqualTo("week");
    assertThat(week.get("day").asText()).isEqualTo("2024-03-14");
    assertThat(week.get("from").asText()).isEqualTo("2024-03-08");
    assertThat(week.get("sort").asText()).isEqualTo("trending");
    assertThat(week.get("previous").asText()).isEqualTo("2024-01-01");
    assertThat(week.get("total").asInt()).isEqualTo(6);
    assertThat(week.get("limit").asInt()).isEqualTo(2);
    JsonNode top = week.get("entries").get(0);
    assertThat(top.get("day").asText()).isEqualTo("2024-03-13");
    assertThat(top.get("score").asDouble()).isEqualTo(51 / Math.pow(3, 1.5));
    assertThat(top.get("paper").get("title").asText())
        .isEqualTo("Retrieval heads in long-context transformers");
    assertThat(top.get("paper").get("arxivUrl").asText())
        .isEqualTo("https://arxiv.org/abs/2403.02222");

    JsonNode latest = http.get("/api/v1/feed").json();
    assertThat(latest.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(latest.get("entries")).hasSize(30);
    assertThat(latest.get("next").isNull()).isTrue();
  }
}
