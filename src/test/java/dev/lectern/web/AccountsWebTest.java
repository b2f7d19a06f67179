package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.AccountSettings.Signup;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-user mode with sign-up by invite, through a real server: sign-up, sign-in and out, the
 * session cookie, password change, the rate limit, and who may see what.
 */
class AccountsWebTest {
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern INVITE = Pattern.compile("/signup\\?code=([A-Za-z0-9_%-]+)");

  @TempDir static java.nio.file.Path dataDir;
  static AccountsFixture web;

  @BeforeAll
  static void serve() {
    web = new AccountsFixture(dataDir, AccountSettings.multi(Signup.INVITE));
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @Test
  void anAdminInvitesSomeoneWhoSignsUpOnceAndSignsOut() {
    FormClient admin = web.signedIn("ada", PASSWORD, true);
    assertThat(admin.get("/admin").status()).isEqualTo(200);
    Answer made = admin.post("/admin/invites");
    assertThat(made.status()).as(made.body()).isEqualTo(200);
    Matcher m = INVITE.matcher(made.body());
    assertThat(m.find()).as(made.body()).isTrue();
    String link = "/signup?code=" + m.group(1);

    FormClient grace = web.browser();
    Answer form = grace.get(link);
    assertThat(form.status()).isEqualTo(200);
    String code = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(form.body()).contains("value=\"" + code + "\"");
    Answer signedUp =
        grace.post(
            "/signup", "code", code, "name", "grace", "password", PASSWORD, "password2", PASSWORD);
    assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(303);
    assertThat(signedUp.location()).isEqualTo("/account?done=welcome");
    Answer account = grace.get("/account?done=welcome");
    assertThat(account.body()).contains("Signed in as grace").contains(">Sign out</button>");

    FormClient again = web.browser();
    again.get(link);
    Answer reused =
        again.post(
            "/signup",
            "code",
            code,
            "name",
            "mallory",
            "password",
            PASSWORD,
            "password2",
            PASSWORD);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.body()).contains("invite code does not work").contains("value=\"mallory\"");
    assertThat(web.accounts.users().byName("mallory")).isEmpty();
    assertThat(admin.get("/admin").body()).contains("used by grace");

    Answer out = grace.post("/logout");
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.setCookie(Viewers.SESSION_COOKIE)).contains("Max-Age=0");
    Answer after = grace.get("/account");
    assertThat(after.status()).isEqualTo(303);
    assertThat(after.location()).isEqualTo("/login?next=%2Faccount");
  }

  @Test
  void signUpWithoutAnInviteIsRefusedWithAReason() {
    FormClient b = web.browser();
    b.get("/signup");
    Answer r =
        b.post(
            "/signup", "code", "nope", "name", "eve", "password", PASSWORD, "password2", PASSWORD);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("Ask an admin for a new one");
  }

  @Test
  void aWrongPasswordIsRefusedAndKeepsTheName() {
    web.accounts.users().create("alan", PASSWORD, false);
    FormClient b = web.browser();
    b.get("/login");
    Answer r = b.post("/login", "name", "alan", "password", "not the password");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("do not match an account").contains("value=\"alan\"");
    assertThat(r.setCookie(Viewers.SESSION_COOKIE)).isEmpty();
    assertThat(b.get("/account").status()).isEqualTo(303);
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndSecureOverHttps() {
    web.accounts.users().create("barbara", PASSWORD, false);
    FormClient b = web.browser();
    b.get("/login");
    Answer plain = b.post("/login", "name", "barbara", "password", PASSWORD, "next", "/search");
    assertThat(plain.status()).isEqualTo(303);
    assertThat(plain.location()).isEqualTo("/search");
    String cookie = plain.setCookie(Viewers.SESSION_COOKIE);
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .contains("Max-Age=" + Duration.ofDays(30).toSeconds())
        .doesNotContain("Secure");
    assertThat(cookie.split(";")[0].split("=", 2)[1]).hasSize(43); // 256 random bits

    FormClient viaProxy = web.browser();
    viaProxy.get("/login");
    Answer https =
        viaProxy.postRaw(
            "/login",
            Map.of("_csrf", viaProxy.csrf(), "name", "barbara", "password", PASSWORD),
            Map.of("X-Forwarded-Proto", "https"));
    assertThat(https.setCookie(Viewers.SESSION_COOKIE)).contains("; Secure");
  }

  @Test
  void afterSomeFailuresSignInMustWaitAndSaysHowLong() {
    web.accounts.users().create("claude", PASSWORD, false);
    FormClient b = web.browser();
    b.get("/login");
    for (int i = 0; i < 5; i++) {
      assertThat(b.post("/login", "name", "claude", "password", "guess " + i).status())
          .isEqualTo(401);
    }
    Answer limited = b.post("/login", "name", "claude", "password", PASSWORD);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("2");
    assertThat(limited.body()).contains("Too many failed sign-ins");
    web.clock.advance(Duration.ofSeconds(2));
    assertThat(b.post("/login", "name", "claude", "password", PASSWORD).status()).isEqualTo(303);
  }

  @Test
  void aPasswordChangeNeedsTheOldOneAndSignsOutOtherSessions() {
    FormClient here = web.signedIn("dorothy", PASSWORD, false);
    FormClient elsewhere = web.signIn("dorothy", PASSWORD);
    Answer wrong =
        here.post(
            "/account/password",
            "current",
            "wrong",
            "password",
            "new secret!",
            "password2",
            "new secret!");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("current password is not right");
    Answer changed =
        here.post(
            "/account/password",
            "current",
            PASSWORD,
            "password",
            "new secret!",
            "password2",
            "new secret!");
    assertThat(changed.status()).as(changed.body()).isEqualTo(303);
    assertThat(here.get("/account").status()).isEqualTo(200);
    assertThat(elsewhere.get("/account").status()).isEqualTo(303);
    FormClient b = web.browser();
    b.get("/login");
    assertThat(b.post("/login", "name", "dorothy", "password", PASSWORD).status()).isEqualTo(401);
    assertThat(b.post("/login", "name", "dorothy", "password", "new secret!").status())
        .isEqualTo(303);
  }

  @Test
  void aSessionEndsAfterItsLifetimeUnused() {
    FormClient b = web.signedIn("edsger", PASSWORD, false);
    web.clock.advance(Duration.ofDays(29));
    assertThat(b.get("/account").status()).isEqualTo(200); // used: good for 30 more days
    web.clock.advance(Duration.ofDays(29));
    assertThat(b.get("/account").status()).isEqualTo(200);
    web.clock.advance(Duration.ofDays(31));
    assertThat(b.get("/account").status()).isEqualTo(303);
  }

  @Test
  void aTokenWorksOnTheApiUntilRevoked() {
    FormClient b = web.signedIn("frances", PASSWORD, false);
    Answer made = b.post("/account/tokens", "name", "my script");
    assertThat(made.status()).isEqualTo(200);
    Matcher m = Pattern.compile("lct_[A-Za-z0-9_-]{43}").matcher(made.body());
    assertThat(m.find()).as(made.body()).isTrue();
    String token = m.group();
    assertThat(b.get("/account").body()).contains("my script").doesNotContain(token);

    Answer me = bearer("/api/v1/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains("\"name\":\"frances\"").contains("\"mode\":\"multi\"");
    assertThat(bearer("/api/v1/search?q=x", token).status()).isEqualTo(200);

    long id =
        web.accounts.tokens().list(web.accounts.users().byName("frances").get().id()).get(0).id();
    assertThat(b.post("/account/tokens/" + id + "/revoke").status()).isEqualTo(303);
    Answer revoked = bearer("/api/v1/me", token);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.body()).startsWith("{\"error\":");
    assertThat(bearer("/api/v1/search?q=x", token).status()).isEqualTo(401);
  }

  @Test
  void theApiIsPublicForTheLibraryAndAsksForATokenForTheRest() {
    FormClient anonymous = web.browser();
    assertThat(anonymous.get("/api/v1/status").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/search?q=x").status()).isEqualTo(200);
    Answer me = anonymous.get("/api/v1/me");
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.body()).contains("Authorization: Bearer");
    assertThat(bearer("/api/v1/status", "lct_madeup").status()).isEqualTo(401);
  }

  @Test
  void formsWithoutTheSessionsTokenAreRefused() {
    FormClient b = web.signedIn("grete", PASSWORD, false);
    FormClient other = web.signedIn("hedy", PASSWORD, false);
    Map<String, String> profile = Map.of("email", "g@example.org", "timeZone", "UTC");
    Answer none = b.postRaw("/account/profile", profile);
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.body()).contains("came without its security token");
    Answer wrong = b.postRaw("/account/profile", with(profile, "_csrf", "x".repeat(43)));
    assertThat(wrong.status()).isEqualTo(403);
    Answer othersToken = b.postRaw("/account/profile", with(profile, "_csrf", other.csrf()));
    assertThat(othersToken.status()).isEqualTo(403);
    assertThat(web.accounts.users().byName("grete").get().email()).isNull();
    Answer right = b.postRaw("/account/profile", with(profile, "_csrf", b.csrf()));
    assertThat(right.status()).isEqualTo(303);
    Answer header =
        b.postRaw(
            "/account/profile",
            Map.of("email", "g2@example.org", "timeZone", "Europe/Paris"),
            Map.of("X-CSRF-Token", b.csrf()));
    assertThat(header.status()).isEqualTo(303);
    assertThat(b.get("/account").body()).contains("g2@example.org").contains("Europe/Paris");
    // the sign-in form is protected as well (login CSRF)
    FormClient fresh = web.browser();
    Answer login = fresh.postRaw("/login", Map.of("name", "grete", "password", PASSWORD));
    assertThat(login.status()).isEqualTo(403);
  }

  @Test
  void adminPagesAreForAdminsOnly() {
    FormClient member = web.signedIn("ida", PASSWORD, false);
    Answer page = member.get("/admin");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("Only an admin");
    assertThat(member.post("/admin/invites").status()).isEqualTo(403);
    assertThat(member.get("/account").body()).doesNotContain("href=\"/admin\"");
    Answer anonymous = web.browser().get("/admin");
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.location()).isEqualTo("/login?next=%2Fadmin");
  }

  @Test
  void oneUserCannotSeeOrRevokeAnothersTokens() {
    FormClient joan = web.signedIn("joan", PASSWORD, false);
    joan.post("/account/profile", "email", "joan@example.org", "timeZone", "Asia/Tokyo");
    Matcher m =
        Pattern.compile("lct_[A-Za-z0-9_-]{43}")
            .matcher(joan.post("/account/tokens", "name", "joan's secret laptop").body());
    assertThat(m.find()).isTrue();
    long id =
        web.accounts.tokens().list(web.accounts.users().byName("joan").get().id()).get(0).id();

    FormClient karl = web.signedIn("karl", PASSWORD, false);
    assertThat(karl.get("/account").body())
        .doesNotContain("joan")
        .doesNotContain("secret laptop")
        .doesNotContain("Asia/Tokyo");
    Answer revoke = karl.post("/account/tokens/" + id + "/revoke");
    assertThat(revoke.status()).isEqualTo(404);
    assertThat(bearer("/api/v1/me", m.group()).body()).contains("\"name\":\"joan\"");
  }

  @Test
  void theLibraryStaysPublicAndTheHeaderOffersSigningIn() {
    FormClient anonymous = web.browser();
    for (String path : new String[] {"/", "/search?q=attention", "/status"}) {
      Answer r = anonymous.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).contains("<a href=\"/login\">Sign in</a>");
    }
    Answer next = anonymous.get("/login?next=//evil.example/");
    assertThat(next.body()).contains("name=\"next\" value=\"/\"");
    // Save on a card, not signed in: to sign in, then back to the page it was on
    anonymous.get("/search?q=attention");
    Answer save =
        anonymous.post(
            "/library/save", "paper", "2404.15574", "on", "true", "next", "/search?q=attention");
    assertThat(save.status()).isEqualTo(303);
    assertThat(save.location()).isEqualTo("/login?next=%2Fsearch%3Fq%3Dattention");
    Answer elsewhere =
        anonymous.post("/library/save", "paper", "2404.15574", "on", "true", "next", "//evil");
    assertThat(elsewhere.location()).isEqualTo("/login");
  }

  private static Map<String, String> with(Map<String, String> fields, String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(fields);
    all.put(key, value);
    return all;
  }

  private static Answer bearer(String path, String token) {
    return web.browser()
        .send(
            HttpRequest.newBuilder(web.uri().resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET());
  }
}
