package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.paper.Paper;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-user mode in a real headless Chromium: signing up with an invite, signing out and in again,
 * saving a paper and finding it in the library, and signing out; the header says who is signed in,
 * or offers signing in. The browser reports any error or Content-Security-Policy violation.
 */
class AccountsBrowserTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDir;

  @Test
  void someoneSignsUpWithAnInviteSavesAPaperAndSignsOut() {
    Lectern lectern =
        new Lectern(
            Settings.load(
                null,
                Map.of(),
                Map.of(Settings.DATA_DIR, dataDir.toString(), Settings.USERS_MODE, "multi")));
    TestLibrary.write(lectern.library(), WebFixture.handMade().toArray(Paper[]::new));
    try (WebFixture web = WebFixture.serve(lectern);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      long admin = lectern.accounts().users().create("ada", PASSWORD, true).id();
      String code = lectern.accounts().invites().create(admin).code();
      Page page = context.newPage();
      List<String> problems = Chromium.problems(page);
      String base = web.uri().toString();
      Locator header = page.locator("nav.account");

      page.navigate(
          base
              + "/signup?code="
              + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(page.getByLabel("Invite code").inputValue()).isEqualTo(code);
      page.getByLabel("Name").fill("grace");
      page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
      page.getByLabel("Password again").fill(PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
      page.waitForURL("**/account?done=welcome");
      assertThat(header.innerText()).contains("grace").contains("Sign out");

      signOut(page, header);
      header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL("**/login**");
      page.getByLabel("Name").fill("grace");
      page.getByLabel("Password").fill(PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL(url -> !url.contains("/login"));
      assertThat(header.innerText()).contains("grace").contains("Sign out");

      String title = "Retrieval heads in long-context transformers";
      page.navigate(base + "/?day=" + WebFixture.DAY);
      Locator save =
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save " + title));
      assertThat(save.getAttribute("aria-pressed")).isEqualTo("false");
      save.click();
      page.waitForURL("**/?day=" + WebFixture.DAY + "#paper-2403.02222");
      assertThat(save.getAttribute("aria-pressed")).isEqualTo("true");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Library")).click();
      page.waitForURL("**/library");
      assertThat(page.locator("ol.papers h3 a").allInnerTexts()).containsExactly(title);

      signOut(page, header);
      page.navigate(base + "/library");
      page.waitForURL("**/login?next=%2Flibrary");
      assertThat(header.innerText()).doesNotContain("grace");

      assertThat(problems).isEmpty();
    }
  }

  private static void signOut(Page page, Locator header) {
    header.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")).click();
    page.waitForCondition(() -> header.innerText().contains("Sign in"));
    assertThat(header.innerText()).doesNotContain("Sign out").doesNotContain("grace");
  }
}
