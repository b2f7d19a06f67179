package dev.lectern.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.lectern.user.AccountSettings;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a check: screenshots of the account pages (sign-in, sign-up, account, admin, and Today's
 * header signed in) at 1280 and 360 px, light and dark, into {@code -Dlectern.screenshots=DIR};
 * skipped without it.
 */
class AccountScreenshotsTest {
  @TempDir Path dataDir;

  @Test
  void screenshots() {
    String out = System.getProperty("lectern.screenshots");
    assumeTrue(out != null, "screenshots only on demand");
    try (AccountsFixture web =
            new AccountsFixture(dataDir, AccountSettings.multi(AccountSettings.Signup.INVITE));
        Chromium chromium = Chromium.launch()) {
      web.accounts.users().create("ada", "correct horse battery", true);
      web.accounts.users().create("grace", "correct horse battery", false);
      web.accounts.tokens().create(1, "old laptop");
      web.accounts.invites().create(2);
      String base = web.uri().toString();
      for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
        for (int width : new int[] {1280, 360}) {
          String suffix = "-" + width + "-" + scheme.name().toLowerCase(Locale.ROOT) + ".png";
          try (BrowserContext context =
              chromium.browser.newContext(
                  new Browser.NewContextOptions()
                      .setColorScheme(scheme)
                      .setViewportSize(width, width > 500 ? 900 : 780))) {
            Page page = context.newPage();
            page.navigate(base + "/signup?code=abc");
            shot(page, out, "signup" + suffix);
            page.navigate(base + "/login?next=/admin");
            page.fill("#name", "ada");
            page.fill("#password", "wrong password");
            page.click("form.stack button");
            shot(page, out, "login-failed" + suffix);
            page.fill("#password", "correct horse battery");
            page.click("form.stack button");
            page.click("text=Create an invite");
            shot(page, out, "admin" + suffix);
            page.navigate(base + "/account");
            page.fill("#token-name", "my script");
            page.click("text=Create token");
            shot(page, out, "account" + suffix);
            page.navigate(base + "/");
            shot(page, out, "today-signed-in" + suffix);
          }
        }
      }
    }
  }

  private static void shot(Page page, String out, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(out, name)));
  }
}
