package dev.lectern.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a check: screenshots of Today, Search, a paper's page and the status page at desktop and
 * phone width, light and dark, over a library given as {@code -Dlectern.screenshots.data=DIR},
 * written to {@code -Dlectern.screenshots=DIR}. scripts/screenshots.sh builds such a library and
 * runs this; without the properties it is skipped.
 */
class ScreenshotsTest {
  @Test
  void screenshots() {
    String out = System.getProperty("lectern.screenshots");
    String data = System.getProperty("lectern.screenshots.data");
    assumeTrue(out != null && data != null, "screenshots only on demand (scripts/screenshots.sh)");
    String day = System.getProperty("lectern.screenshots.day", "");
    String query = System.getProperty("lectern.screenshots.query", "retrieval heads long context");
    Lectern lectern = new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, data)));
    try (WebFixture web = WebFixture.serve(lectern);
        Chromium chromium = Chromium.launch()) {
      String base = web.uri().toString();
      String today = base + (day.isEmpty() ? "/" : "/?day=" + day);
      String paper = firstPaper(chromium.browser, today);
      Map<String, String> pages = new java.util.LinkedHashMap<>();
      String only = System.getProperty("lectern.screenshots.pages", "");
      if (only.isEmpty()) {
        pages.put("today", today);
        pages.put("search", base + "/search?q=" + Links.encode(query));
        pages.put("paper", paper);
        pages.put("status", base + "/status");
        long collection = library(lectern, chromium.browser, today);
        pages.put("library", base + "/library");
        pages.put("collection", base + "/collections/" + collection);
        pages.put("for-you", base + "/for-you");
        pages.put("training", base + "/for-you/training");
        pages.put("import", base + "/library/import");
      }
      for (String kv : only.split(",")) {
        if (kv.isBlank()) continue;
        pages.put(kv.substring(0, kv.indexOf('=')), base + kv.substring(kv.indexOf('=') + 1));
      }
      for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
        for (int width : new int[] {1280, 360}) {
          try (BrowserContext context =
              chromium.browser.newContext(
                  new Browser.NewContextOptions()
                      .setColorScheme(scheme)
                      .setViewportSize(width, width > 500 ? 900 : 780))) {
            Page page = context.newPage();
            for (var e : pages.entrySet()) {
              page.navigate(e.getValue());
              page.screenshot(
                  new Page.ScreenshotOptions()
                      .setFullPage(Boolean.getBoolean("lectern.screenshots.full"))
                      .setPath(
                          Path.of(
                              out,
                              e.getKey()
                                  + "-"
                                  + width
                                  + "-"
                                  + scheme.name().toLowerCase(java.util.Locale.ROOT)
                                  + ".png")));
            }
          }
        }
      }
    }
  }

  /**
   * The local user's library as someone would have it: the first papers of the day saved, one
   * upvoted, one dismissed, two in a collection with a note. Returns the collection's id.
   */
  private static long library(Lectern lectern, Browser browser, String today) {
    List<String> ids;
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(today);
      ids =
          page.locator("ol.papers article.paper").all().stream()
              .limit(5)
              .map(a -> a.getAttribute("id").substring("paper-".length()))
              .toList();
    }
    PaperMarks marks = new PaperMarks(lectern.library(), java.time.Clock.systemUTC());
    PaperCollections collections =
        new PaperCollections(lectern.library(), marks, java.time.Clock.systemUTC());
    long id =
        collections.list(1).isEmpty()
            ? collections.create(1, "Reading group").id()
            : collections.list(1).getFirst().id();
    for (String paper : ids.subList(0, 3)) marks.set(1, paper, Mark.SAVED, true);
    marks.set(1, ids.get(0), Mark.VOTED, true);
    marks.set(1, ids.get(4), Mark.DISMISSED, true);
    collections.add(1, id, ids.get(0));
    collections.add(1, id, ids.get(1));
    collections.note(1, id, ids.get(1), "Compare their retrieval heads with ours; section 4.");
    return id;
  }

  private static String firstPaper(Browser browser, String today) {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(today);
      return page.locator("ol.papers h2 a").first().evaluate("a => a.href").toString();
    }
  }
}
