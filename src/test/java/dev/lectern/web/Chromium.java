package dev.lectern.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright for Java. Playwright's driver comes out of its
 * Maven artifact (driver-bundle); its own browser download is skipped, so nothing is fetched from
 * the network. Without /usr/bin/chromium the test is skipped, unless LECTERN_REQUIRE_BROWSER=1 (set
 * by .ci/run, which installs it) makes that a failure.
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final List<String> ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  final Playwright playwright;
  final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    boolean present = Files.isExecutable(EXECUTABLE);
    if (!present && "1".equals(System.getenv("LECTERN_REQUIRE_BROWSER"))) {
      throw new AssertionError(EXECUTABLE + " is missing: apt-get install -y chromium");
    }
    assumeTrue(
        present, EXECUTABLE + " is missing (apt-get install -y chromium); browser tests skipped");
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(EXECUTABLE)
                      .setHeadless(true)
                      .setArgs(ARGS));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /**
   * What goes wrong on a page from now on: console errors and warnings (CSP violations among them),
   * uncaught errors, and answers of 400 or more. A test ends by checking the list is empty.
   */
  static List<String> problems(Page page) {
    List<String> problems = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error") || m.type().equals("warning"))
            problems.add(m.type() + ": " + m.text());
        });
    page.onPageError(problems::add);
    page.onResponse(
        r -> {
          if (r.status() >= 400) problems.add(r.status() + " " + r.url());
        });
    return problems;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
