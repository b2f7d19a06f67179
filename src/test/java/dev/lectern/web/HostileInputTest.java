package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup and script from a hostile source, and odd requests: every page shows stored text as text,
 * and nothing a client sends is answered with a 500.
 */
class HostileInputTest {
  private static final String ESCAPED_TITLE =
      "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; attention";
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

  /** Lectern's own script, the one a page may have: it renders math (web/math.js). */
  private static final Pattern OWN_SCRIPT =
      Pattern.compile(
          "<script src=\"/assets/math\\.[0-9a-f]+\\.js\" "
              + "data-katex=\"/assets/katex\\.[0-9a-f]+\\.js\" defer></script>");

  private static void assertNoLiveMarkup(String where, String html) {
    assertThat(OWN_SCRIPT.matcher(html).results().count()).as(where).isLessThanOrEqualTo(1);
    assertThat(OWN_SCRIPT.matcher(html).replaceAll(""))
        .as(where)
        .doesNotContain("<script")
        .doesNotContain("<b>bold")
        .doesNotContain("<img")
        .doesNotContain("<i>Eve")
        .doesNotContain("href=\"javascript:");
  }

  @Test
  void storedMarkupIsShownAsTextOnTodayThePaperPageAndInSearchResults() {
    Response today = http.get("/?day=" + WebFixture.DAY);
    assertThat(today.body())
        .contains(ESCAPED_TITLE)
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("&lt;i&gt;Eve&lt;/i&gt; Mallory");
    assertNoLiveMarkup("today", today.body());

    Response paper = http.get("/papers/" + WebFixture.HOSTILE_ID);
    assertThat(paper.status()).isEqualTo(200);
    assertThat(paper.body())
        .contains("<h1>" + ESCAPED_TITLE + "</h1>")
        .contains("&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;")
        .contains("J. &lt;script&gt;Hack&lt;/script&gt;")
        .contains("javascript:alert(4)</dd>");
    assertNoLiveMarkup("paper", paper.body());

    for (String mode : new String[] {"lexical", "hybrid"}) {
      Response found =
          http.get(
              "/search?"
                  + (mode.equals("hybrid") ? "" : "mode=" + mode + "&") // the default is left out
                  + "q="
                  + URLEncoder.encode("alert bold", StandardCharsets.UTF_8));
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.body())
          .as(mode)
          .contains("/papers/" + WebFixture.HOSTILE_ID)
          .contains("<mark>");
      assertNoLiveMarkup(mode, found.body());
    }
    Response json = http.get("/api/v1/papers/" + WebFixture.HOSTILE_ID);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.json().get("title").asText()).isEqualTo(WebFixture.HOSTILE_TITLE);
  }

  @Test
  void aHostileAuthorsNameIsEncodedInLinksAndEscapedOnTheirPageAndInTheApi() {
    String link = "/authors/%3Ci%3EEve%3C%2Fi%3E%20Mallory";
    assertThat(http.get("/papers/" + WebFixture.HOSTILE_ID).body())
        .contains("href=\"" + link + "\">&lt;i&gt;Eve&lt;/i&gt; Mallory</a>");
    Response page = http.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>&lt;i&gt;Eve&lt;/i&gt; Mallory</h1>")
        .contains("/papers/" + WebFixture.HOSTILE_ID)
        .contains(ESCAPED_TITLE);
    assertNoLiveMarkup("author page", page.body());
    Response missing = http.get("/authors/%3Cscript%3Ealert(7)%3C%2Fscript%3E");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("&lt;script&gt;alert(7)&lt;/script&gt;");
    assertNoLiveMarkup("missing author", missing.body());
    Response json = http.get("/api/v1" + link);
    assertThat(json.json().get("author").asText()).isEqualTo("<i>Eve</i> Mallory");
    assertThat(json.json().get("hits").get(0).get("titleHtml").asText()).isEqualTo(ESCAPED_TITLE);
  }

  @Test
  void aQueryWithMarkupStaysTextInTheSearchBoxAndTheTitle() {
    String q = "\"><script>alert(5)</script>";
    Response r = http.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    // in an attribute JTE escapes the quote and '<'; a '>' there cannot end a tag
    assertThat(r.body()).contains("value=\"&#34;>&lt;script>alert(5)&lt;/script>\"");
    assertNoLiveMarkup("query", r.body());
  }

  @Test
  void oddRequestsAreAnsweredWithoutA500() {
    String[] targets = {
      "/?day=" + "9".repeat(5000),
      "/?day=-999999999-01-01",
      "/?day=2024-02-30",
      "/?page=99999999999999",
      "/?sort=%00",
      "/?day",
      "/?=",
      "/?&&&",
      "/search?q=" + "x".repeat(10_000),
      "/search?q=%00%01%7F",
      "/search?q=%E2%80%AE%F0%9F%98%80",
      "/search?q=((((%22&mode=semantic",
      "/search?q=author:",
      "/search?q=-",
      "/search?q=a&q=b",
      "/search?q=x&page=-1",
      "/papers/" + "a".repeat(3000),
      "/papers/..%2F..%2Fetc%2Fpasswd",
      "/papers/%3Cscript%3E",
      "/papers/x?y=1",
      "/assets/..%2F..%2Fpom.xml",
      "/assets/lectern.css",
      "/api/v1/search?q=x&limit=" + "9".repeat(50),
      "/api/v1/papers/%3Cscript%3E/similar",
      "/%ff%fe",
      "/papers/%C0%AF",
      "/authors/%3Cscript%3Ealert(6)%3C%2Fscript%3E",
      "/authors/a%2Fb",
      "/authors/a/b/../../etc/passwd",
      "/authors/..%2F..%2Fetc%2Fpasswd",
      "/authors/%00",
      "/authors/%5C%5C%5C",
      "/authors/" + "a".repeat(1000),
      "/authors/" + "a%20".repeat(1000),
      "/authors/x?page=" + "9".repeat(50),
      "/categories/%3Cscript%3E",
      "/categories/cs.LG%2F..",
      "/categories/" + "x".repeat(1000),
      "/api/v1/authors/%3Cscript%3E",
      "/api/v1/authors/" + "a".repeat(1000),
      "/api/v1/categories/cs.LG?limit=99999999999",
      "/api/v1/feed?day=" + "9".repeat(50),
      "/api/v1/feed?span=%00&sort=%3Cscript%3E",
      "/?span=%3Cscript%3E"
    };
    for (String target : targets) {
      Response r = http.raw(target);
      String shown = target.length() > 60 ? target.substring(0, 60) + "..." : target;
      assertThat(r.status()).as(shown).isBetween(200, 499);
      assertThat(r.body()).as(shown).doesNotContain("\tat ").doesNotContain("Exception");
      if (r.contentType().startsWith("text/html")) assertNoLiveMarkup(shown, r.body());
    }
    assertThat(http.get("/search?q=" + "x".repeat(10_000)).body())
        .contains("cut to its first 500 characters");
  }
}
