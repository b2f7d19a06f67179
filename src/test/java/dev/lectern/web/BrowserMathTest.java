package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Math on the pages in a real headless Chromium (see {@link LatexFixture}): KaTeX, served by
 * Lectern, renders each formula as MathML under the strict Content-Security-Policy, with no error
 * or violation in the console; a formula it cannot parse stays as its raw text, and so does every
 * formula without JavaScript.
 */
class BrowserMathTest {
  @TempDir Path dataDir;

  /**
   * Console errors and warnings (a CSP violation is one), page errors, failed requests, dialogs.
   */
  private static List<String> watch(Page page) {
    List<String> problems = Chromium.problems(page);
    page.onDialog(
        d -> {
          problems.add("dialog: " + d.message());
          d.dismiss();
        });
    return problems;
  }

  @Test
  void aPapersMathIsRenderedAndWhatKatexCannotReadStaysRaw() {
    try (WebFixture web = LatexFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      Page page = context.newPage();
      page.setDefaultTimeout(10_000); // KaTeX renders in milliseconds: a miss need not wait 30 s
      List<String> problems = watch(page);
      String base = web.uri().toString();

      // 0704.0005: From dyadic $\Lambda_{\alpha}$ to $\Lambda_{\alpha}$
      page.navigate(base + "/papers/0704.0005");
      page.locator("h1 span.math-rendered math").first().waitFor();
      assertThat(page.locator("h1 math").count()).isEqualTo(2);
      assertThat(page.locator("h1").innerText()).doesNotContain("$").doesNotContain("\\Lambda");
      assertThat(page.locator("h1 math annotation").first().textContent())
          .as("the TeX rides along in the MathML")
          .isEqualTo("\\Lambda_{\\alpha}");
      // the browser lays MathML out itself: the formula has a size of its own
      assertThat(
              (Number)
                  page.locator("h1 math").first().evaluate("e => e.getBoundingClientRect().width"))
          .satisfies(w -> assertThat(w.doubleValue()).isPositive());
      assertThat(page.locator(".abstract-full math").count()).isEqualTo(3);
      assertThat(page.locator(".abstract-full span.math:not(.math-rendered)").count()).isZero();

      page.navigate(base + "/papers/" + LatexFixture.UNPARSABLE_ID);
      page.locator("h1 span.math-rendered math").first().waitFor();
      assertThat(page.locator("h1 span.math-raw").innerText())
          .isEqualTo(LatexFixture.UNPARSABLE_MATH);
      assertThat(page.locator("h1 math").count()).isEqualTo(1);

      // markup inside math is text for KaTeX too: nothing runs
      page.navigate(base + "/papers/" + LatexFixture.HOSTILE_MATH_ID);
      page.locator("h1 span.math-rendered").first().waitFor();
      assertThat(page.locator("h1 script, h1 b").count()).isZero();

      // cards: a day's titles
      page.navigate(base + "/?day=" + LatexFixture.DAY);
      page.locator("ol.papers h2 span.math-rendered math").first().waitFor();
      assertThat(page.locator("ol.papers h2 span.math:not(.math-rendered)").count()).isZero();
      // and their abstracts: the opening, and the whole behind "more", which is closed
      assertThat(page.locator("ol.papers .opening math").count()).isPositive();
      assertThat(page.locator("ol.papers .whole math").count())
          .isGreaterThan(page.locator("ol.papers .opening math").count());
      assertThat(page.locator("ol.papers .abstract span.math:not(.math-rendered)").count())
          .isZero();

      assertThat(problems).isEmpty();
    }
  }

  /**
   * Formulas written right after a letter (CeAg$_2$Ge$_2$) that start on another line than that
   * letter: left of where the text before them ends.
   */
  private static final String PARTED =
      """
      () => {
        const texts = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const n = walker.currentNode;
          if (n.data.length > 0 && !n.parentElement.closest("math")) texts.push(n);
        }
        const parted = [];
        for (const s of document.querySelectorAll("span.math-rendered")) {
          const before = texts.filter(
              n => s.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING);
          const t = before[before.length - 1];
          if (!t || !/\\S$/.test(t.data)) continue;
          const r = document.createRange();
          r.setStart(t, t.data.length - 1);
          r.setEnd(t, t.data.length);
          if (s.getBoundingClientRect().left < r.getBoundingClientRect().right - 1)
            parted.push(t.data.slice(-12));
        }
        return parted;
      }""";

  @Test
  void aFormulaStaysOnTheLineOfTheWordItIsWrittenInto() {
    try (WebFixture web = LatexFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      Page page = context.newPage();
      page.setDefaultTimeout(10_000);
      List<String> parted = new ArrayList<>();
      // 0704.0119: "... a tetragonal CeAg$_2$Ge$_2$ single crystal", in its title, its abstract
      // and its card
      for (String path : new String[] {"/papers/0704.0119", "/?day=" + LatexFixture.DAY}) {
        page.navigate(web.uri() + path);
        page.locator("span.math-rendered").first().waitFor();
        for (int width = 300; width <= 1000; width += 5) {
          page.setViewportSize(width, 800);
          @SuppressWarnings("unchecked")
          List<String> here = (List<String>) page.evaluate(PARTED);
          for (String p : here) parted.add(path + ": " + p + " at " + width + " px");
        }
      }
      assertThat(parted).isEmpty();
    }
  }

  @Test
  void withoutJavaScriptTheMathReadsAsItsTex() {
    try (WebFixture web = LatexFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context =
            chromium.browser.newContext(
                new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = context.newPage();
      page.navigate(web.uri() + "/papers/0704.0005");
      assertThat(page.locator("h1").innerText())
          .isEqualTo("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
      assertThat(page.locator("math").count()).isZero();
    }
  }
}
