package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today in a real headless Chromium (see {@link WebFixture}, plus a paper with a long abstract on
 * 15 March 2024): a card's abstract opens from its first lines to the whole of it, by keyboard, and
 * without JavaScript; a reader pages through days, weeks, a month and a list's second page by its
 * links, and each page they land on is a link that shows the same again.
 */
class BrowserTodayTest {
  static final LocalDate LONG_DAY = LocalDate.of(2024, 3, 15);
  static final String LONG_ID = "2403.05555";
  static final String LONG_START = "We compute Gröbner bases of the ideals";
  static final String LONG_END = "and the last sentence ends here.";

  /** An abstract of about 700 characters: the card shows its first 320 or so. */
  static final String LONG_ABSTRACT =
      "We compute Gr\\\"obner bases of the ideals that the attention layers of a transformer"
          + " define, and we find them small. "
          + "A second sentence says more about how the bases are found, with a little detail"
          + " on the order of the monomials and on the field the coefficients come from. "
          + "A third sentence describes the experiments on forty models of several sizes,"
          + " trained on text and code, and what their bases have in common. "
          + "A fourth sentence goes on about the limits of the method and what is left to do,"
          + " written at some length so that the abstract runs past its opening. "
          + "Its bound $\\Lambda_{\\alpha} \\le 2^{n}$ holds for every model, "
          + LONG_END;

  @TempDir static Path dataDir;
  static WebFixture web;
  static Chromium chromium;

  @BeforeAll
  static void serve() {
    web =
        WebFixture.start(
            dataDir,
            TestLibrary.paper(
                LONG_ID,
                "Attention ideals and their Gr\\\"obner bases",
                LONG_ABSTRACT,
                List.of("Sofia Kovalevskaya"),
                List.of("math.AC"),
                LONG_DAY,
                2));
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (web != null) web.close();
  }

  private static Chromium chromium() {
    if (chromium == null) chromium = Chromium.launch();
    return chromium;
  }

  /** The ids of the papers a page lists, in order. */
  private static List<String> papers(Page page) {
    return page.locator("ol.papers h2 a").all().stream()
        .map(a -> a.getAttribute("href").substring("/papers/".length()))
        .toList();
  }

  private static List<String> watch(Page page) {
    List<String> problems = Chromium.problems(page);
    return problems;
  }

  @Test
  void aDaysHtmlHoldsEachAbstractsFirstLinesAndAllOfIt() {
    HttpJson http = new HttpJson(web.uri());
    for (String path : new String[] {"/?day=" + LONG_DAY, "/authors/Sofia%20Kovalevskaya"}) {
      String html = http.get(path).body();
      int card = html.indexOf("<details class=\"abstract\">");
      assertThat(card).as(path).isPositive();
      String details = html.substring(card, html.indexOf("</details>", card));
      String summary = details.substring(0, details.indexOf("</summary>"));
      assertThat(summary)
          .as(path + ": the first lines, cut at a word, LaTeX decoded")
          .contains(LONG_START)
          .contains("describes the experiments on forty …</span>")
          .doesNotContain(LONG_END)
          .doesNotContain("\\\"");
      assertThat(details.substring(summary.length()))
          .as(path + ": the whole abstract, its math in a span for the page's script")
          .contains(LONG_START)
          .contains("<span class=\"math\">$\\Lambda_{\\alpha} \\le 2^{n}$</span>")
          .contains(LONG_END);
    }
    // an abstract as short as the opening is shown as it is, with nothing to expand
    assertThat(http.get("/?day=" + WebFixture.DAY).body())
        .contains("<p class=\"abstract\">We make attention sparse for long documents.</p>");
  }

  @Test
  void aCardsAbstractOpensToAllOfItByKeyboardAndClosesAgain() {
    try (BrowserContext context = chromium().browser.newContext()) {
      Page page = context.newPage();
      page.setDefaultTimeout(10_000);
      List<String> problems = watch(page);
      page.navigate(web.uri() + "/?day=" + LONG_DAY);
      Locator details = page.locator("details.abstract");
      Locator whole = details.locator(".whole");
      assertThat(details.locator(".opening").innerText()).startsWith(LONG_START).endsWith("…");
      assertThat(whole.isVisible()).isFalse();
      // the formula is rendered in the hidden whole too, ready when it opens
      details
          .locator(".whole span.math-rendered math")
          .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));

      // a reader tabs from the title through the card's links to its abstract and opens it
      page.locator("ol.papers h2 a").first().focus();
      for (int i = 0;
          i < 10
              && !(boolean)
                  page.evaluate(
                      "() => document.activeElement.matches('details.abstract > summary')");
          i++) page.keyboard().press("Tab");
      assertThat((boolean) page.evaluate("() => document.activeElement.tagName === 'SUMMARY'"))
          .isTrue();
      page.keyboard().press("Enter");
      assertThat(details.getAttribute("open")).isNotNull();
      assertThat(whole.isVisible()).isTrue();
      assertThat(whole.innerText()).startsWith(LONG_START).endsWith(LONG_END);
      assertThat(whole.locator("math").isVisible()).isTrue();
      assertThat(details.locator(".opening").isVisible()).as("not shown twice").isFalse();
      assertThat(details.locator("summary").innerText()).startsWith("less");

      details.locator("summary").click();
      assertThat(details.getAttribute("open")).isNull();
      assertThat(whole.isVisible()).isFalse();
      assertThat(details.locator(".opening").isVisible()).isTrue();
      assertThat(problems).isEmpty();
    }
    // no script is needed to open it
    try (BrowserContext context =
        chromium()
            .browser
            .newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = context.newPage();
      page.navigate(web.uri() + "/?day=" + LONG_DAY);
      page.locator("details.abstract summary").click();
      assertThat(page.locator("details.abstract .whole").innerText())
          .startsWith(LONG_START)
          .contains("$\\Lambda_{\\alpha} \\le 2^{n}$")
          .endsWith(LONG_END);
    }
  }

  /** Follows the link a locator finds and waits for the page it leads to. */
  private static void follow(Page page, Locator link, String expectedTarget) {
    assertThat(link.getAttribute("href")).isEqualTo(expectedTarget);
    link.click();
    page.waitForURL(web.uri() + expectedTarget);
  }

  private static Locator tab(Page page, String nav, String label) {
    return page.locator(
        "nav.order[aria-label=\"" + nav + "\"] a", new Page.LocatorOptions().setHasText(label));
  }

  @Test
  void aReaderPagesThroughDaysWeeksAMonthAndAPageTwoByLinks() {
    try (BrowserContext context = chromium().browser.newContext()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      Locator previous = page.locator("nav.days a[rel=prev]");
      Locator next = page.locator("nav.days a[rel=next]");
      Locator heading = page.locator("h1");

      // the latest day: the sample pages' papers, listed on the day they entered the library
      page.navigate(web.uri() + "/");
      assertThat(heading.innerText())
          .isEqualTo(
              DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)
                  .format(LocalDate.now(ZoneOffset.UTC)));
      assertThat(next.count()).as("nothing after the latest day").isZero();
      assertThat(previous.innerText()).isEqualTo("← Fri 15 Mar");

      follow(page, previous, "/?day=2024-03-15");
      assertThat(heading.innerText()).isEqualTo("Friday 15 March 2024");
      assertThat(papers(page)).containsExactly(LONG_ID);

      follow(page, previous, "/?day=2024-03-14");
      assertThat(heading.innerText()).isEqualTo("Thursday 14 March 2024");
      assertThat(papers(page)).containsExactly("2403.04444");

      follow(page, previous, "/?day=2024-03-13");
      assertThat(heading.innerText()).isEqualTo("Wednesday 13 March 2024");
      List<String> day13 = List.of("2403.02222", "2403.01111", WebFixture.HOSTILE_ID, "2403.03333");
      assertThat(papers(page)).as("trending: most upvotes first").isEqualTo(day13);
      assertThat(page.locator("nav.days .count").innerText()).isEqualTo("4 papers");

      follow(page, tab(page, "Order", "Newest"), "/?day=2024-03-13&sort=newest");
      assertThat(heading.innerText()).isEqualTo("Wednesday 13 March 2024");
      assertThat(papers(page)).containsExactlyInAnyOrderElementsOf(day13);
      assertThat(tab(page, "Order", "Newest").getAttribute("aria-current")).isEqualTo("page");
      follow(page, tab(page, "Order", "Trending"), "/?day=2024-03-13");

      follow(page, next, "/?day=2024-03-14");
      assertThat(heading.innerText()).isEqualTo("Thursday 14 March 2024");

      List<String> week = List.of("2403.04444", "2403.00500");
      follow(page, tab(page, "Span", "Week"), "/?day=2024-03-14&span=week");
      assertThat(heading.innerText()).isEqualTo("8–14 March 2024");
      assertThat(tab(page, "Span", "Week").getAttribute("aria-current")).isEqualTo("page");
      assertThat(papers(page)).hasSize(6).containsAll(day13).containsAll(week);

      follow(page, tab(page, "Span", "Month"), "/?day=2024-03-14&span=month");
      assertThat(heading.innerText()).isEqualTo("14 February – 14 March 2024");
      assertThat(papers(page)).hasSize(6).containsAll(day13).containsAll(week);

      // the week before with papers: the generated snapshot's 40, on two pages
      follow(page, tab(page, "Span", "Week"), "/?day=2024-03-14&span=week");
      assertThat(previous.innerText()).isEqualTo("← to Mon 1 Jan");
      follow(page, previous, "/?day=2024-01-01&span=week");
      assertThat(heading.innerText()).isEqualTo("26 December 2023 – 1 January 2024");
      assertThat(page.locator("nav.days .count").innerText()).isEqualTo("40 papers");
      List<String> first = papers(page);
      assertThat(first).hasSize(TodayPage.PAGE_SIZE).allMatch(id -> id.startsWith("2401."));
      Locator pages = page.locator("nav.pages a");
      follow(
          page,
          pages.filter(new Locator.FilterOptions().setHasText("Next page")),
          "/?day=2024-01-01&span=week&page=2");
      assertThat(heading.innerText()).isEqualTo("26 December 2023 – 1 January 2024");
      assertThat(page.locator("ol.papers").getAttribute("start")).isEqualTo("31");
      List<String> second = papers(page);
      assertThat(second)
          .hasSize(10)
          .allMatch(id -> id.startsWith("2401."))
          .doesNotContainAnyElementsOf(first);

      // the page is a link: opened afresh, it shows the same
      Page shared = context.newPage();
      shared.navigate(page.url());
      assertThat(shared.locator("h1").innerText()).isEqualTo("26 December 2023 – 1 January 2024");
      assertThat(papers(shared)).isEqualTo(second);
      shared.close();

      follow(
          page,
          pages.filter(new Locator.FilterOptions().setHasText("Previous page")),
          "/?day=2024-01-01&span=week");
      assertThat(papers(page)).isEqualTo(first);
      assertThat(problems).isEmpty();
    }
  }
}
