package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.AccountSettings;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-user mode (the default): nobody signs in, but a form that changes something still needs
 * the token of a page Lectern served, since a page on another site can post to localhost.
 */
class SingleUserModeTest {
  @TempDir static Path dataDir;
  static AccountsFixture web;

  @BeforeAll
  static void serve() {
    web = new AccountsFixture(dataDir, AccountSettings.single());
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @Test
  void nobodySignsInAndTheHeaderSaysNothingOfAccounts() {
    FormClient b = web.browser();
    Answer today = b.get("/");
    assertThat(today.status()).isEqualTo(200);
    assertThat(today.body()).doesNotContain("Sign in").doesNotContain("Sign out");
    assertThat(b.get("/account").status()).isEqualTo(200);
    for (String path : new String[] {"/login", "/signup", "/admin"}) {
      Answer r = b.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).contains("single-user mode");
    }
    Answer me = b.get("/api/v1/me");
    assertThat(me.body())
        .isEqualTo("{\"id\":1,\"name\":\"local\",\"admin\":true,\"mode\":\"single\"}");
  }

  @Test
  void aFormNeedsTheTokenOfItsOwnCookie() {
    FormClient b = web.browser();
    Answer page = b.get("/account");
    String cookie = page.setCookie(Viewers.CSRF_COOKIE);
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    Map<String, String> profile = Map.of("email", "me@example.org", "timeZone", "Europe/Berlin");

    Answer none = b.postRaw("/account/profile", profile);
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.body()).contains("security token");
    Answer wrong = b.postRaw("/account/profile", with(profile, "_csrf", "A".repeat(43)));
    assertThat(wrong.status()).isEqualTo(403);
    // another browser's token does not go with this browser's cookie
    FormClient other = web.browser();
    other.get("/account");
    Answer crossed = b.postRaw("/account/profile", with(profile, "_csrf", other.csrf()));
    assertThat(crossed.status()).isEqualTo(403);
    // nor does a token without its cookie (another site's page, which cannot read it)
    Answer noCookie = web.browser().postRaw("/account/profile", with(profile, "_csrf", b.csrf()));
    assertThat(noCookie.status()).isEqualTo(403);
    assertThat(web.accounts.users().byId(1).get().email()).isNull();

    Answer right = b.postRaw("/account/profile", with(profile, "_csrf", b.csrf()));
    assertThat(right.status()).isEqualTo(303);
    assertThat(b.get("/account").body()).contains("me@example.org").contains("Europe/Berlin");
  }

  @Test
  void aRequestWithABearerTokenNeedsNoCsrfToken() {
    FormClient b = web.browser();
    b.get("/account");
    Matcher m =
        Pattern.compile("lct_[A-Za-z0-9_-]{43}")
            .matcher(b.post("/account/tokens", "name", "cron").body());
    assertThat(m.find()).isTrue();
    // a request with a bearer token carries no cookies for another site to ride on: no CSRF token
    Answer posted =
        web.browser()
            .send(
                HttpRequest.newBuilder(web.uri().resolve("/account/profile"))
                    .header("Authorization", "Bearer " + m.group())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=&timeZone=UTC")));
    assertThat(posted.status()).isEqualTo(303);
  }

  @Test
  void aPostToAPageThatOnlyReadsIsNotAllowedAndSaysWhatIs() {
    Answer r = web.browser().postRaw("/status", Map.of());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
    Answer account =
        web.browser().send(HttpRequest.newBuilder(web.uri().resolve("/account/tokens")).GET());
    assertThat(account.status()).isEqualTo(405);
    assertThat(account.header("Allow")).contains("POST");
  }

  private static Map<String, String> with(Map<String, String> fields, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(fields);
    all.put(key, value);
    return all;
  }
}
