package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader's way through Lectern in a real headless Chromium: Today, a paper, one of its similar
 * papers, a search. The pages are the server's HTML and CSS as they are; the browser reports any
 * error, a blocked resource or a Content-Security-Policy violation included.
 */
class BrowserTest {
  /** A label as it is: every paper's buttons are named with its title, which may hold the word. */
  static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

  @TempDir Path dataDir;

  @Test
  void todayThenAPaperThenASimilarPaperThenASearch() {
    try (WebFixture web = WebFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      Page page = context.newPage();
      List<String> problems = Chromium.problems(page);
      String base = web.uri().toString();

      page.navigate(base + "/?day=" + WebFixture.DAY);
      assertThat(page.locator("h1").innerText()).isEqualTo("Wednesday 13 March 2024");
      // the stylesheet applied (not blocked by the policy): the page is laid out by it
      assertThat(page.locator("main").evaluate("e => getComputedStyle(e).maxWidth"))
          .isEqualTo("960px");
      Locator first = page.locator("ol.papers h2 a").first();
      assertThat(first.innerText()).isEqualTo("Retrieval heads in long-context transformers");

      first.click();
      page.waitForURL("**/papers/2403.02222");
      assertThat(page.locator("h1").innerText())
          .isEqualTo("Retrieval heads in long-context transformers");
      Locator similar = page.locator("#similar ol.papers h3 a");
      assertThat(similar.count()).isEqualTo(PaperPage.SIMILAR);
      String similarTitle = similar.first().innerText();
      String similarHref = similar.first().getAttribute("href");

      similar.first().click();
      page.waitForURL("**" + similarHref);
      assertThat(page.locator("h1").innerText()).isEqualTo(similarTitle);

      page.getByLabel("Search papers", EXACT).fill("retrieval heads");
      page.getByLabel("Search papers", EXACT).press("Enter");
      page.waitForURL("**/search?q=retrieval+heads");
      assertThat(page.locator("h1").innerText()).isEqualTo("Search");
      assertThat(page.getByLabel("Query", EXACT).inputValue()).isEqualTo("retrieval heads");
      assertThat(page.locator("ol.papers > li").count()).isEqualTo(SearchPage.PAGE_SIZE);
      assertThat(page.locator("ol.papers mark").count()).isPositive();

      page.getByLabel("Mode", EXACT).selectOption("lexical");
      page.locator("form.search button").click();
      // the form sends its empty filters too; the server redirects to the search's short link
      page.waitForURL("**/search?q=retrieval+heads&mode=lexical");
      assertThat(page.locator("p.summary").innerText()).matches("[\\d,]+ papers \\(\\d+ ms\\)");

      // a category's count narrows the search to it; its filter chip widens it again
      page.locator("aside.facets a", new Page.LocatorOptions().setHasText("cs.CL")).click();
      page.waitForURL("**/search?q=retrieval+heads&mode=lexical&cat=cs.CL");
      assertThat(page.locator("ol.papers .cat").allInnerTexts()).isNotEmpty().containsOnly("cs.CL");
      assertThat(page.getByLabel("Categories", EXACT).inputValue()).isEqualTo("cs.CL");
      page.locator(".active-filters a").click();
      page.waitForURL("**/search?q=retrieval+heads&mode=lexical");

      assertThat(problems).isEmpty();
    }
  }
}
