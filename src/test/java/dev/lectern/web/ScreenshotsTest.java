package dev.lectern.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import java.nio.file.Path;
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

  private static String firstPaper(Browser browser, String today) {
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(today);
      return page.locator("ol.papers h2 a").first().evaluate("a => a.href").toString();
    }
  }
}
