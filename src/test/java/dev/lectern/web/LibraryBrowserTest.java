package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving in a real headless Chromium, with the server's pages as they are: a paper saved from Today
 * is found in the library, put in a collection with a note from its page, and said "not interested"
 * to and back. No script is needed for any of it; the browser reports any error or
 * Content-Security-Policy violation.
 */
class LibraryBrowserTest {
  @TempDir Path dataDir;

  @Test
  void aPaperSavedFromTodayIsFoundInTheLibraryAndPutInACollection() {
    try (WebFixture web = WebFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      Page page = context.newPage();
      List<String> problems = Chromium.problems(page);
      String base = web.uri().toString();
      String title = "Retrieval heads in long-context transformers";

      page.navigate(base + "/?day=" + WebFixture.DAY);
      Locator save =
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save " + title));
      assertThat(save.getAttribute("aria-pressed")).isEqualTo("false");
      save.click();
      // back on the same page, at the card, the button pressed
      page.waitForURL("**/?day=" + WebFixture.DAY + "#paper-2403.02222");
      assertThat(save.getAttribute("aria-pressed")).isEqualTo("true");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Library")).click();
      page.waitForURL("**/library");
      assertThat(page.locator("h1").innerText()).isEqualTo("Library");
      assertThat(page.locator("ol.papers h3 a").allInnerTexts()).containsExactly(title);

      page.locator("ol.papers h3 a").first().click();
      page.waitForURL("**/papers/2403.02222");
      page.getByLabel("Add to a new collection").fill("Long context");
      page.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Add to collection").setExact(true))
          .click();
      page.waitForURL("**/papers/2403.02222");
      assertThat(page.locator(".in-collections").innerText())
          .isEqualTo("In your collections: Long context");
      page.locator(".in-collections a").click();
      page.waitForURL("**/collections/*");
      assertThat(page.locator("h1").innerText()).isEqualTo("Long context");
      Locator note =
          page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Note " + title));
      note.fill("Compare with sparse attention.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save note " + title))
          .click();
      page.waitForURL("**#paper-2403.02222");
      assertThat(note.inputValue()).isEqualTo("Compare with sparse attention.");

      page.navigate(base + "/?day=" + WebFixture.DAY);
      page.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Not interested A survey of graph transformers"))
          .click();
      page.waitForURL("**#paper-2403.03333");
      assertThat(page.locator("#paper-2403\\.03333 .note").innerText())
          .contains("not interested in this paper");
      page.navigate(base + "/library/dismissed");
      assertThat(page.locator("ol.papers h2 a").allInnerTexts())
          .containsExactly("A survey of graph transformers");
      page.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Not interested A survey of graph transformers"))
          .click();
      page.waitForURL("**/library/dismissed*");
      assertThat(page.locator("ol.papers")).isNotNull();
      assertThat(page.locator("ol.papers h2 a").count()).isZero();

      assertThat(problems).isEmpty();
    }
  }
}
