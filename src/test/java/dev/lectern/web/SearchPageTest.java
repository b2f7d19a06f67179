package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page's filters, facets and order, through a running server (see {@link WebFixture}):
 * every state is a URL, and each facet or filter link leads to the search it names.
 */
class SearchPageTest {
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

  private static String html(String pathAndQuery) {
    Response r = http.get(pathAndQuery);
    assertThat(r.status()).as(pathAndQuery).isEqualTo(200);
    return r.body();
  }

  private static List<String> paperLinks(String html) {
    Matcher m = Pattern.compile("<h3 class=\"title\"><a href=\"/papers/([^\"#]+)\"").matcher(html);
    return m.results().map(r -> r.group(1)).toList();
  }

  /** The href of the facet or filter link whose text starts with the label. */
  private static String link(String html, String label) {
    Matcher m =
        Pattern.compile("<a href=\"([^\"]+)\"[^>]*>" + Pattern.quote(label) + "[ <]").matcher(html);
    assertThat(m.find()).as("a link labelled " + label).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  @Test
  void aCategoryFacetNarrowsTheSearchAndItsFilterLinkWidensItAgain() {
    String all = html("/search?q=attention&mode=lexical");
    assertThat(all).contains("<summary>Categories</summary>").contains("<summary>Years</summary>");
    assertThat(paperLinks(all)).contains("2403.01111");

    String narrowed = html(link(all, "cs.CL"));
    assertThat(paperLinks(narrowed))
        .contains("2403.01111", "2403.02222")
        .doesNotContain("2403.03333", "2403.00500");
    assertThat(narrowed)
        .contains("value=\"cs.CL\"") // the form shows it
        .contains("aria-current=\"true\">cs.CL</a>");

    String widened = html(link(narrowed, "category cs.CL"));
    assertThat(paperLinks(widened)).containsExactlyElementsOf(paperLinks(all));
  }

  @Test
  void aYearFacetKeepsThatYearsPapers() {
    String all = html("/search?q=attention&mode=lexical");
    String year = html(link(all, "2024"));
    assertThat(year).contains("year 2024");
    assertThat(paperLinks(year)).isNotEmpty().doesNotContain(WebFixture.OLD_STYLE_ID);
  }

  @Test
  void filtersWithoutWordsListTheNewestPapersThatPassThem() {
    String math = html("/search?cat=math.RA");
    assertThat(paperLinks(math)).containsExactly("2403.04444", "2403.00500");
    assertThat(math).contains("2 papers").contains("category math.RA");
  }

  @Test
  void orderAuthorAndDatesComeFromTheUrl() {
    String newest =
        html("/search?q=attention&mode=lexical&sort=date&from=2024-03-12&to=2024-03-14");
    List<String> ids = paperLinks(newest);
    assertThat(ids.getFirst()).isEqualTo("2403.04444");
    assertThat(ids.getLast()).isEqualTo("2403.00500");
    assertThat(newest)
        .contains("2024-03-12 to 2024-03-14")
        .contains("<option value=\"date\" selected>");

    String byAuthor = html("/search?q=attention&mode=lexical&author=Noether");
    assertThat(paperLinks(byAuthor)).containsExactlyInAnyOrder("2403.04444", "2403.00500");
  }

  @Test
  void theFormsEmptyAndDefaultFieldsRedirectToTheSearchsShortLink() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<Void> r =
        client.send(
            HttpRequest.newBuilder(
                    web.uri()
                        .resolve(
                            "/search?q=attention+heads&mode=hybrid&cat=cs.CL%2C+cs.LG&from=&to="
                                + "&author=+Ada+&sort=relevance"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("/search?q=attention+heads&cat=cs.CL&cat=cs.LG&author=Ada");
    // the short link itself is answered, not redirected again
    assertThat(http.get("/search?q=attention+heads&cat=cs.CL&cat=cs.LG&author=Ada").status())
        .isEqualTo(200);
  }

  @Test
  void impossibleOrMalformedFiltersAre400PagesThatSayWhy() {
    Response reversed = http.get("/search?q=x&from=2024-05-01&to=2024-01-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("is after");
    Response badDate = http.get("/search?q=x&from=yesterday");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("a date like 2024-05-31");
    Response badSort = http.get("/search?q=x&sort=best");
    assertThat(badSort.status()).isEqualTo(400);
    assertThat(badSort.body()).contains("relevance, date, popularity");
  }
}
