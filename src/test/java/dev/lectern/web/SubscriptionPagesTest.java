package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.DigestUsers;
import dev.lectern.digest.Digests;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a search, following, the subscriptions page, the user's feed and the unsubscribe link,
 * through a running server (see {@link WebFixture}), as a browser posts its forms.
 */
class SubscriptionPagesTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  static Digests digests;

  @BeforeAll
  static void serve() throws Exception {
    web = WebFixture.start(dataDir);
    digests = web.lectern.digests(web.lectern.search(false));
    try (Connection c = web.lectern.library().database().connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, name, email, created_at) VALUES (2, 'other', 'o@example.org', '2024-01-01T00:00:00Z')");
    }
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  static String ok(Answer r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void aSearchIsSavedFromItsPageRenamedAndRemoved() {
    FormClient browser = new FormClient(web.uri());
    String results = ok(browser.get("/search?q=sparse+attention&mode=lexical"));
    Map<String, String> form =
        new HashMap<>(FormClient.hiddenFields(results, "/subscriptions/searches"));
    assertThat(form.get("query")).isEqualTo("q=sparse+attention&mode=lexical");
    form.put("name", "sparse things");
    Answer saved = browser.postRaw("/subscriptions/searches", form);
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.location()).isEqualTo("/subscriptions?done=saved");
    String page = ok(browser.get(saved.location()));
    assertThat(page).contains("The search is saved.").contains(">sparse things</a>");
    assertThat(ok(browser.get("/search?q=sparse+attention&mode=lexical")))
        .contains("This search is saved");

    long id = idOf(page, "sparse things");
    Map<String, String> rename =
        new HashMap<>(FormClient.hiddenFields(page, "/subscriptions/" + id + "/rename"));
    String tooLong = "x".repeat(201);
    rename.put("name", tooLong);
    Answer refused = browser.postRaw("/subscriptions/" + id + "/rename", rename);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("at most 200 characters")
        .contains("value=\"" + tooLong + "\"");
    rename.put("name", "sparse attention");
    assertThat(browser.postRaw("/subscriptions/" + id + "/rename", rename).status()).isEqualTo(303);
    page = ok(browser.get("/subscriptions"));
    assertThat(page).contains(">sparse attention</a>").doesNotContain("sparse things");

    Answer removed =
        browser.postRaw(
            "/subscriptions/" + id + "/remove",
            FormClient.hiddenFields(page, "/subscriptions/" + id + "/remove"));
    assertThat(removed.status()).isEqualTo(303);
    assertThat(ok(browser.get("/subscriptions"))).doesNotContain("sparse attention</a>");
  }

  @Test
  void nothingToSaveIsRefusedWithAReason() {
    FormClient browser = new FormClient(web.uri());
    Map<String, String> form =
        new HashMap<>(
            FormClient.hiddenFields(ok(browser.get("/search?q=graph")), "/subscriptions/searches"));
    form.put("query", "");
    Answer r = browser.postRaw("/subscriptions/searches", form);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("nothing to save");
  }

  @Test
  void anAuthorIsFollowedFromTheirPageAndUnfollowedAgain() {
    FormClient browser = new FormClient(web.uri());
    String author = ok(browser.get("/authors/Grace%20Hopper"));
    Answer followed =
        browser.postRaw(
            "/subscriptions/follows", FormClient.hiddenFields(author, "/subscriptions/follows"));
    assertThat(followed.status()).isEqualTo(303);
    assertThat(followed.location()).isEqualTo("/authors/Grace%20Hopper");
    String after = ok(browser.get(followed.location()));
    assertThat(after).contains("You follow this author");
    assertThat(ok(browser.get("/subscriptions"))).contains(">Grace Hopper</a>");

    Matcher unfollow = Pattern.compile("action=\"(/subscriptions/\\d+/remove)\"").matcher(after);
    assertThat(unfollow.find()).isTrue();
    Answer back =
        browser.postRaw(unfollow.group(1), FormClient.hiddenFields(after, unfollow.group(1)));
    assertThat(back.location()).isEqualTo("/authors/Grace%20Hopper");
    assertThat(ok(browser.get(back.location()))).doesNotContain("You follow this author");
  }

  @Test
  void theFeedShowsTheUsersFollowsAndNoOneElseReadsIt() {
    FormClient browser = new FormClient(web.uri());
    String category = ok(browser.get("/categories/math.RA"));
    assertThat(
            browser
                .postRaw(
                    "/subscriptions/follows",
                    FormClient.hiddenFields(category, "/subscriptions/follows"))
                .status())
        .isEqualTo(303);
    String page = ok(browser.get("/subscriptions"));
    Matcher link =
        Pattern.compile("href=\"https?://[^/]+(/users/feed/[^\"]+\\.atom)\"").matcher(page);
    assertThat(link.find()).as(page).isTrue();
    String feedPath = link.group(1);
    Answer feed = browser.get(feedPath);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
    assertThat(feed.body())
        .contains("A paper of the day after")
        .contains("A paper of the day before");

    // user 2's own link shows user 2's feed: none of user 1's follows
    String other = "/users/feed/" + digests.tokens().feed(2) + ".atom";
    assertThat(ok(browser.get(other))).doesNotContain("A paper of the day after");
    // user 1's signature under user 2's id, or a made-up one, is no feed
    String token1 = feedPath.substring("/users/feed/".length(), feedPath.length() - 5);
    assertThat(browser.get("/users/feed/2-" + token1.substring(2) + ".atom").status())
        .isEqualTo(404);
    assertThat(browser.get("/users/feed/1-AAAAAAAAAAAAAAAAAAAAAA.atom").status()).isEqualTo(404);

    // a new link revokes the old one
    Answer renewed =
        browser.postRaw(
            "/subscriptions/feed", FormClient.hiddenFields(page, "/subscriptions/feed"));
    assertThat(renewed.status()).isEqualTo(303);
    assertThat(browser.get(feedPath).status()).isEqualTo(404);
    assertThat(browser.get("/users/feed/" + digests.tokens().feed(1) + ".atom").status())
        .isEqualTo(200);
  }

  @Test
  void theDigestIsSetOnThePageAndTheOneClickUnsubscribeNeedsOnlyTheSignedLink() {
    FormClient browser = new FormClient(web.uri());
    String before = ok(browser.get("/subscriptions"));
    // the local user has no address yet: the page says so and where to add one
    assertThat(before)
        .contains("no email address yet")
        .contains("<a href=\"/account#email\">Add your email address</a>");
    Map<String, String> form =
        new HashMap<>(FormClient.hiddenFields(before, "/subscriptions/digest"));
    form.putAll(Map.of("frequency", "weekly", "hour", "18", "weekday", "5"));
    assertThat(browser.postRaw("/subscriptions/digest", form).status()).isEqualTo(303);
    String page = ok(browser.get("/subscriptions?done=digest"));
    assertThat(page)
        .contains("<option value=\"weekly\" selected>")
        .contains("<option value=\"18\" selected>18:00</option>")
        .contains("<option value=\"5\" selected>Friday</option>");
    DigestUsers users = digests.users();
    assertThat(users.settings(1).frequency()).isEqualTo(Frequency.WEEKLY);

    String link = "/digest/unsubscribe/" + digests.tokens().unsubscribe(1);
    String confirm = ok(new FormClient(web.uri()).get(link));
    assertThat(confirm).contains("Unsubscribe from the digest?");
    assertThat(users.settings(1).frequency()).isEqualTo(Frequency.WEEKLY); // GET changes nothing

    // a forged link: refused, nothing changed
    String forged = "/digest/unsubscribe/1-" + "A".repeat(22);
    Answer refused =
        new FormClient(web.uri()).postRaw(forged, Map.of("List-Unsubscribe", "One-Click"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("not valid");
    assertThat(users.settings(1).frequency()).isEqualTo(Frequency.WEEKLY);

    // a mail client's one-click POST: no cookie, no CSRF token
    Answer done = new FormClient(web.uri()).postRaw(link, Map.of("List-Unsubscribe", "One-Click"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Unsubscribed");
    assertThat(users.settings(1).frequency()).isEqualTo(Frequency.OFF);
  }

  @Test
  void anotherUsersSubscriptionCannotBeRemovedOrRenamed() {
    long theirs =
        digests
            .subscriptions()
            .add(2, dev.lectern.digest.Subscription.Kind.CATEGORY, "cs.CL", "cs.CL")
            .id();
    FormClient browser = new FormClient(web.uri());
    Map<String, String> csrf =
        FormClient.hiddenFields(ok(browser.get("/subscriptions")), "/subscriptions/feed");
    assertThat(browser.postRaw("/subscriptions/" + theirs + "/remove", csrf).status())
        .isEqualTo(404);
    Map<String, String> rename = new HashMap<>(csrf);
    rename.put("name", "mine now");
    assertThat(browser.postRaw("/subscriptions/" + theirs + "/rename", rename).status())
        .isEqualTo(404);
    assertThat(digests.subscriptions().of(2))
        .singleElement()
        .extracting(s -> s.name())
        .isEqualTo("cs.CL");
  }

  private static long idOf(String page, String name) {
    Matcher m =
        Pattern.compile(
                "action=\"/subscriptions/(\\d+)/rename\"[\\s\\S]*?value=\""
                    + Pattern.quote(name)
                    + "\"")
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return Long.parseLong(m.group(1));
  }
}
