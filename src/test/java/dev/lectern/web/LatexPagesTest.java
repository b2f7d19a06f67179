package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Genuine arXiv text on the pages (see {@link LatexFixture}): letters decoded as a reader expects
 * them, math kept as its raw TeX in {@code <span class="math">} for the page's script to render.
 */
class LatexPagesTest {
  private static final String MATH = "<span class=\"math\">";
  @TempDir static Path dataDir;
  static WebFixture web;
  static HttpJson http;

  @BeforeAll
  static void serve() {
    web = LatexFixture.start(dataDir);
    http = new HttpJson(web.uri());
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  private static String page(String pathAndQuery) {
    Response r = http.get(pathAndQuery);
    assertThat(r.status()).as(pathAndQuery).isEqualTo(200);
    assertThat(r.contentType()).as(pathAndQuery).startsWith("text/html");
    return r.body();
  }

  @Test
  void aPaperPageShowsAccentedLettersAsLetters() {
    String grobner = page("/papers/0704.0019");
    // the BibTeX to copy keeps the LaTeX, as a citation must
    assertThat(grobner).contains("title = {Approximation for extinction probability");
    grobner = grobner.replaceAll("(?s)<textarea.*?</textarea>", "");
    assertThat(grobner)
        .contains("<title>Approximation for extinction probability of the contact process")
        .contains("based on the Gröbner basis</h1>")
        .contains("by using the Gröbner basis.")
        .doesNotContain("Gr\\")
        .doesNotContain("obner basis ·"); // the document title ends with the site's name
    assertThat(grobner).contains("based on the Gröbner basis · Lectern</title>");

    String kollar = page("/papers/0704.0073").replaceAll("(?s)<textarea.*?</textarea>", "");
    assertThat(kollar)
        .contains("<h1>A transcendental approach to Kollár&#x27;s injectivity theorem</h1>")
        .contains("Kähler")
        .doesNotContain("Koll\\");
    // a journal reference's "351--358" is a range
    assertThat(page("/papers/0704.0028").replaceAll("(?s)<textarea.*?</textarea>", ""))
        .contains("351–358")
        .doesNotContain("351--358");
    assertThat(page("/papers/0704.0114").replaceAll("(?s)<textarea.*?</textarea>", ""))
        .contains("Néel")
        .doesNotContain("N\\&#x27;eel");
  }

  @Test
  void aPaperPageKeepsItsRawMathInTheHtmlMarkedForRendering() {
    String lambda = page("/papers/0704.0005");
    assertThat(lambda)
        .contains(
            "<h1>From dyadic "
                + MATH
                + "$\\Lambda_{\\alpha}$</span> to "
                + MATH
                + "$\\Lambda_{\\alpha}$</span></h1>")
        .contains("compute the " + MATH + "$\\Lambda_{\\alpha}$</span> norm, ")
        .contains(MATH + "$H^p(R^N)$</span>")
        // the document title cannot hold markup: its math stays as written
        .contains(
            "<title>From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$ · Lectern</title>");
    String tise2 = page("/papers/0704.0159");
    assertThat(tise2)
        .contains(
            "<h1>Evidence for an excitonic insulator phase in 1T-TiSe"
                + MATH
                + "$_{2}$</span></h1>")
        .contains("study of 1T-TiSe" + MATH + "$_{2}$</span> in both")
        .doesNotContain("\\textit");
    String constructed = page("/papers/" + LatexFixture.WSE2_ID);
    assertThat(constructed).contains("10–20% brighter").doesNotContain("\\%");
  }

  @Test
  void cardsOnTodayAndInSearchShowTheDecodedText() {
    String today = page("/?day=" + LatexFixture.DAY);
    assertThat(today)
        .contains(">From dyadic " + MATH + "$\\Lambda_{\\alpha}$</span> to ")
        .contains("1T-TiSe" + MATH + "$_{2}$</span></a>")
        .contains("Néel");
    String found = page("/search?mode=lexical&q=Grobner");
    assertThat(found).contains("the <mark>Gröbner</mark> basis").doesNotContain("Gr\\");
    String inMath = page("/search?mode=lexical&q=TiSe2");
    assertThat(inMath).contains("1T-<mark>TiSe" + MATH + "$_{2}$</span></mark>");
  }

  @Test
  void theApisMarkedTitlesAndSnippetsAreDecodedToo() {
    var hit = http.get("/api/v1/search?mode=lexical&q=Kollar").json().get("hits").get(0);
    assertThat(hit.get("titleHtml").asText())
        .isEqualTo("A transcendental approach to <mark>Kollár&#x27;s</mark> injectivity theorem");
    // the raw title is still there for whoever wants the LaTeX
    assertThat(hit.get("title").asText()).contains("Koll\\'ar's");
  }

  @Test
  void scriptInsideMathIsText() {
    String html = page("/papers/" + LatexFixture.HOSTILE_MATH_ID);
    assertThat(html)
        .contains(
            "<h1>"
                + MATH
                + "$&lt;script&gt;alert(6)&lt;/script&gt;$</span> and "
                + MATH
                + "$x&lt;y$</span> &amp; &lt;b&gt;bold&lt;/b&gt;</h1>")
        .contains(MATH + "$&lt;img src=x onerror=alert(7)&gt;$</span>")
        .doesNotContain("<script>alert")
        .doesNotContain("<img");
    assertThat(page("/?day=" + LatexFixture.CONSTRUCTED_DAY))
        .contains("$&lt;script&gt;alert(6)&lt;/script&gt;$")
        .doesNotContain("<script>alert");
  }

  @Test
  void everyPageLoadsTheMathScriptWhichNamesKatexAndBothAreServedForAYear() throws Exception {
    String html = page("/papers/0704.0005");
    Matcher m =
        Pattern.compile(
                "<script src=\"(/assets/math\\.[0-9a-f]{12}\\.js)\" "
                    + "data-katex=\"(/assets/katex\\.[0-9a-f]{12}\\.js)\" defer></script>")
            .matcher(html);
    assertThat(m.find()).as("the math script in the page's head").isTrue();
    HttpClient client = HttpClient.newHttpClient();
    for (int group = 1; group <= 2; group++) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(web.uri() + m.group(group))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(m.group(group)).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
      assertThat(r.headers().firstValue("Cache-Control"))
          .hasValue("public, max-age=31536000, immutable");
      assertThat(r.body()).as(m.group(group)).contains(group == 1 ? "span.math" : "katex");
    }
    assertThat(http.get("/assets/katex.000000000000.js").status()).isEqualTo(404);
  }

  @Test
  void thePolicyAllowsOnlyLecternsOwnScripts() throws Exception {
    HttpResponse<Void> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(web.uri() + "/papers/0704.0005")).build(),
                HttpResponse.BodyHandlers.discarding());
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'")
        .contains("script-src 'self';")
        .contains("style-src 'self';")
        .doesNotContain("unsafe");
  }
}
