package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.Digests;
import dev.lectern.digest.Subscription;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.paper.Paper;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.testing.TestLibrary;
import dev.lectern.user.Accounts;
import dev.lectern.user.ApiTokens;
import dev.lectern.user.ImportSources;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperCollections.Collection;
import dev.lectern.user.PaperImport;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.State;
import dev.lectern.user.PendingImports;
import dev.lectern.user.TrainingSignals;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: in multi-user mode one user never sees or changes another's data. Alice makes data of
 * every kind through the pages; then, for every route the server registers, Bob (signed in, and
 * with his API token) and an anonymous visitor try to read or change it. A route added later
 * without a case here fails {@link #everyRouteHasACase}.
 */
class UserIsolationTest {
  private static final String PASSWORD = "correct horse battery";

  /** Every secret of Alice's has this in it, so no page of Bob's may hold it anywhere. */
  private static final String MARK = "qzx";

  private static final String COLLECTION = "Alice shelf qzx";
  private static final String NOTE = "alice note qzx";
  private static final String SEARCH_NAME = "alice search qzx";
  private static final String TOKEN_NAME = "alice token qzx";
  private static final String EMAIL = "alice-qzx@example.org";

  private static final String SAVED = "2403.01111";
  private static final String SAVED_TITLE = "Sparse attention for long documents";
  private static final String DISMISSED = "2403.03333";
  private static final String DISMISSED_TITLE = "A survey of graph transformers";
  private static final String BOBS = "2403.02222";
  private static final String BOBS_TITLE = "Retrieval heads in long-context transformers";
  private static final String SEARCH = "q=sparse+attention&mode=lexical";
  private static final Pattern TOKEN = Pattern.compile("lct_[A-Za-z0-9_-]{43}");

  @TempDir static Path dataDir;
  static WebFixture web;
  static Accounts accounts;
  static Digests digests;
  static PaperMarks marks;
  static PaperCollections collections;
  static TrainingSignals signals;
  static PendingImports pending;

  static FormClient alice;
  static FormClient bob;
  static long aliceId;
  static long bobId;
  static String aliceToken;
  static String bobToken;
  static long aliceTokenId;
  static long aliceCollection;
  static long alicePending;
  static long aliceSearch;
  static long aliceFollow;
  static long invite;

  @BeforeAll
  static void serve() {
    Lectern lectern =
        new Lectern(
            Settings.load(
                null,
                Map.of(),
                Map.of(Settings.DATA_DIR, dataDir.toString(), Settings.USERS_MODE, "multi")));
    TestLibrary.write(lectern.library(), WebFixture.handMade().toArray(Paper[]::new));
    web = WebFixture.serve(lectern);
    accounts = lectern.accounts();
    digests = lectern.digests(lectern.search(false));
    marks = new PaperMarks(lectern.library(), Clock.systemUTC());
    collections = new PaperCollections(lectern.library(), marks, Clock.systemUTC());
    signals = new TrainingSignals(lectern.library(), Clock.systemUTC());
    pending = new PendingImports(lectern.library(), collections, Clock.systemUTC());

    long admin = accounts.users().create("ada", PASSWORD, true).id();
    invite = accounts.invites().create(admin).id();
    aliceId = accounts.users().create("alice", PASSWORD, false).id();
    bobId = accounts.users().create("bob", PASSWORD, false).id();
    alice = signIn("alice");
    bob = signIn("bob");

    // Alice's data, made as a browser makes it
    redirected(alice.post("/library/save", "paper", SAVED, "on", "true"));
    redirected(alice.post("/library/vote", "paper", SAVED, "on", "true"));
    redirected(alice.post("/library/dismiss", "paper", DISMISSED, "on", "true"));
    Answer made =
        redirected(
            alice.post(
                "/library/collect", "paper", SAVED, "collection", "new", "name", COLLECTION));
    aliceCollection = Long.parseLong(made.location().replaceAll("\\D", ""));
    redirected(
        alice.post("/collections/" + aliceCollection + "/note", "paper", SAVED, "note", NOTE));
    redirected(alice.post("/for-you/training", "paper", SAVED, "on", "true"));
    // a title alone is never fetched, so it stays pending (and no test waits on arXiv)
    alicePending =
        new PaperImport(collections, pending)
            .run(aliceId, COLLECTION, ImportSources.bibtex("@misc{x, title={Alice lost qzx}}"))
            .pending()
            .getFirst()
            .pendingId();
    alice.get("/subscriptions");
    redirected(alice.post("/subscriptions/searches", "query", SEARCH, "name", SEARCH_NAME));
    redirected(alice.post("/subscriptions/follows", "kind", "author", "target", "Grace Hopper"));
    redirected(
        alice.post("/subscriptions/digest", "frequency", "weekly", "hour", "18", "weekday", "5"));
    alice.get("/account");
    redirected(alice.post("/account/profile", "email", EMAIL, "timeZone", "Asia/Tokyo"));
    alice.get("/account");
    aliceToken = token(alice.post("/account/tokens", "name", TOKEN_NAME));
    aliceTokenId = accounts.tokens().list(aliceId).get(0).id();
    for (Subscription s : digests.subscriptions().of(aliceId)) {
      if (s.kind() == Kind.SEARCH) aliceSearch = s.id();
      if (s.kind() == Kind.AUTHOR) aliceFollow = s.id();
    }

    // and some of Bob's, so that his pages are not empty by chance
    redirected(bob.post("/library/save", "paper", BOBS, "on", "true"));
    redirected(
        bob.post("/library/collect", "paper", BOBS, "collection", "new", "name", "Bob shelf"));
    bob.get("/account");
    bobToken = token(bob.post("/account/tokens", "name", "bob token"));
    bob.get("/library");
    aliceIntact();
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  /** One route, a request of it with Alice's ids, and what Bob gets of it. */
  private record Case(String route, String path, boolean open, Runnable asBob) {
    String method() {
      return route.split(" ", 2)[0];
    }
  }

  /** Every route of the server, each with its case. */
  private static List<Case> cases() {
    String c = "/collections/" + aliceCollection;
    String aliceFeed = digests.tokens().feed(aliceId);
    String aliceUnsubscribe = digests.tokens().unsubscribe(aliceId);
    List<Case> all = new ArrayList<>();

    // the library, which anyone reads: Bob's view of it holds none of Alice's marks or names
    all.add(open("GET /", "/"));
    all.add(
        new Case(
            "GET /search",
            "/search?" + SEARCH,
            true,
            () -> assertThat(bobPage("/search?" + SEARCH)).doesNotContain("This search is saved")));
    all.add(open("GET /status", "/status"));
    all.add(open("GET /login", "/login"));
    all.add(open("GET /signup", "/signup"));
    all.add(
        new Case(
            "GET /papers/<id>",
            "/papers/" + SAVED,
            true,
            () ->
                assertThat(bobPage("/papers/" + SAVED))
                    .contains("Bob shelf")
                    .doesNotContain(COLLECTION)));
    all.add(open("GET /papers/<id>.bib", "/papers/" + SAVED + ".bib"));
    all.add(
        new Case(
            "GET /authors/<name>",
            "/authors/Grace%20Hopper",
            true,
            () ->
                assertThat(bobPage("/authors/Grace%20Hopper"))
                    .doesNotContain("You follow this author")));
    all.add(open("GET /categories/<cat>", "/categories/cs.CL"));
    for (String ext : List.of("bib", "csv", "json", "atom")) {
      all.add(open("GET /search." + ext, "/search." + ext + "?q=attention"));
      all.add(open("GET /feed." + ext, "/feed." + ext + "?day=2024-03-13"));
    }
    for (String api :
        List.of(
            "/search?q=attention",
            "/papers/" + SAVED,
            "/papers/" + SAVED + "/similar",
            "/feed",
            "/authors/Grace%20Hopper",
            "/categories/cs.CL",
            "/status",
            "/openapi.json")) {
      String pattern =
          api.replaceAll("\\?.*", "")
              .replace(SAVED, "<id>")
              .replace("Grace%20Hopper", "<name>")
              .replace("cs.CL", "<cat>");
      all.add(open("GET /api/v1" + pattern, "/api/v1" + api));
    }

    // signing in and out: Bob signing out does not sign Alice out (run last, see below)
    all.add(new Case("POST /login", "/login", true, () -> {}));
    all.add(new Case("POST /signup", "/signup", true, () -> {}));

    // marks: Bob's marks are his; unmarking a paper Alice marked leaves hers
    for (String mark : List.of("save", "vote", "dismiss"))
      all.add(
          new Case(
              "POST /library/" + mark,
              "/library/" + mark,
              false,
              () -> {
                String paper = mark.equals("dismiss") ? DISMISSED : SAVED;
                redirected(bob.post("/library/" + mark, "paper", paper, "on", "true"));
                redirected(bob.post("/library/" + mark, "paper", paper, "on", "false"));
              }));
    all.add(
        new Case(
            "GET /library",
            "/library",
            false,
            () ->
                assertThat(bobPage("/library"))
                    .contains(BOBS_TITLE)
                    .contains("Bob shelf")
                    .doesNotContain(SAVED_TITLE)));
    all.add(
        new Case(
            "GET /library/dismissed",
            "/library/dismissed",
            false,
            () -> assertThat(bobPage("/library/dismissed")).doesNotContain(DISMISSED_TITLE)));

    // collections: Alice's is not found by Bob, whatever he does with its id
    all.add(
        new Case(
            "POST /collections",
            "/collections",
            false,
            () -> {
              redirected(bob.post("/collections", "name", "Bob's second"));
              assertThat(collections.list(bobId))
                  .extracting(Collection::name)
                  .contains("Bob's second");
            }));
    all.add(
        new Case(
            "POST /library/collect",
            "/library/collect",
            false,
            () ->
                notFound(
                    bob.post(
                        "/library/collect",
                        "paper",
                        BOBS,
                        "collection",
                        String.valueOf(aliceCollection)))));
    all.add(new Case("GET /collections/{id}", c, false, () -> notFound(bob.get(c))));
    for (String ext : List.of("bib", "csv", "json"))
      all.add(
          new Case(
              "GET /collections/<id>." + ext,
              c + "." + ext,
              false,
              () -> notFound(bob.get(c + "." + ext))));
    all.add(
        new Case(
            "POST /collections/{id}/rename",
            c + "/rename",
            false,
            () -> notFound(bob.post(c + "/rename", "name", "Bob's now"))));
    all.add(
        new Case(
            "POST /collections/{id}/delete",
            c + "/delete",
            false,
            () -> notFound(bob.post(c + "/delete"))));
    all.add(
        new Case(
            "POST /collections/{id}/note",
            c + "/note",
            false,
            () -> notFound(bob.post(c + "/note", "paper", SAVED, "note", "Bob was here"))));
    all.add(
        new Case(
            "POST /collections/{id}/remove",
            c + "/remove",
            false,
            () -> notFound(bob.post(c + "/remove", "paper", SAVED))));
    all.add(
        new Case(
            "POST /collections/{id}/fetch",
            c + "/fetch",
            false,
            () -> notFound(bob.post(c + "/fetch"))));
    all.add(
        new Case(
            "POST /collections/{id}/pending/remove",
            c + "/pending/remove",
            false,
            () -> {
              notFound(bob.post(c + "/pending/remove", "pending", String.valueOf(alicePending)));
              // nor through a collection of his own
              long bobs = collections.list(bobId).getFirst().id();
              notFound(
                  bob.post(
                      "/collections/" + bobs + "/pending/remove",
                      "pending",
                      String.valueOf(alicePending)));
            }));
    all.add(
        new Case(
            "GET /library/import",
            "/library/import",
            false,
            () -> assertThat(bob.get("/library/import").status()).isEqualTo(200)));
    // the form names a collection, never an id: an import fills one of Bob's own
    all.add(
        new Case(
            "POST /library/import",
            "/library/import",
            false,
            () ->
                assertThat(
                        bob.post("/library/import", "ids", BOBS, "collection", "Bob's import")
                            .status())
                    .isEqualTo(200)));

    // For you and what it learns from
    all.add(
        new Case(
            "GET /for-you",
            "/for-you",
            false,
            () -> assertThat(bobPage("/for-you")).doesNotContain("“" + SAVED_TITLE + "”")));
    all.add(
        new Case(
            "GET /for-you/training",
            "/for-you/training",
            false,
            () ->
                assertThat(bobPage("/for-you/training"))
                    .contains(BOBS_TITLE)
                    .doesNotContain(SAVED_TITLE)));
    all.add(
        new Case(
            "POST /for-you/training",
            "/for-you/training",
            false,
            () -> {
              // Bob never saved it: nothing of his to leave out, and Alice's mark stays
              assertThat(bob.post("/for-you/training", "paper", SAVED, "on", "true").status())
                  .isEqualTo(400);
              redirected(bob.post("/for-you/training", "paper", SAVED, "on", "false"));
            }));

    // saved searches, follows, digest settings, feeds
    all.add(
        new Case(
            "GET /subscriptions",
            "/subscriptions",
            false,
            () ->
                assertThat(bobPage("/subscriptions"))
                    .doesNotContain("Grace Hopper")
                    .doesNotContain("<option value=\"weekly\" selected>")
                    .doesNotContain(aliceFeed)));
    all.add(
        new Case(
            "POST /subscriptions/searches",
            "/subscriptions/searches",
            false,
            () -> {
              redirected(bob.post("/subscriptions/searches", "query", "q=graph", "name", "bob's"));
              assertThat(digests.subscriptions().of(bobId))
                  .extracting(Subscription::name)
                  .contains("bob's");
            }));
    all.add(
        new Case(
            "POST /subscriptions/follows",
            "/subscriptions/follows",
            false,
            () ->
                redirected(
                    bob.post("/subscriptions/follows", "kind", "category", "target", "cs.CL"))));
    all.add(
        new Case(
            "POST /subscriptions/digest",
            "/subscriptions/digest",
            false,
            () ->
                redirected(
                    bob.post(
                        "/subscriptions/digest",
                        "frequency",
                        "off",
                        "hour",
                        "7",
                        "weekday",
                        "1"))));
    all.add(
        new Case(
            "POST /subscriptions/feed",
            "/subscriptions/feed",
            false,
            () -> redirected(bob.post("/subscriptions/feed"))));
    for (long id : new long[] {aliceSearch, aliceFollow}) {
      all.add(
          new Case(
              "POST /subscriptions/<id>/rename",
              "/subscriptions/" + id + "/rename",
              false,
              () -> notFound(bob.post("/subscriptions/" + id + "/rename", "name", "bob's now"))));
      all.add(
          new Case(
              "POST /subscriptions/<id>/remove",
              "/subscriptions/" + id + "/remove",
              false,
              () -> notFound(bob.post("/subscriptions/" + id + "/remove"))));
    }
    // a signed link works for its own user only: not under another id, nor forged
    String forged = "A".repeat(22);
    all.add(
        new Case(
            "GET /users/feed/<file>",
            "/users/feed/" + bobId + "-" + forged + ".atom",
            true,
            () -> {
              // Alice's own link, from her feed reader, works
              assertThat(browser().get("/users/feed/" + aliceFeed + ".atom").status())
                  .isEqualTo(200);
              String underBob = bobId + aliceFeed.substring(aliceFeed.indexOf('-'));
              notFound(bob.get("/users/feed/" + underBob + ".atom"));
              notFound(browser().get("/users/feed/" + underBob + ".atom"));
              notFound(browser().get("/users/feed/" + aliceId + "-" + forged + ".atom"));
              String bobs = bob.get("/users/feed/" + digests.tokens().feed(bobId) + ".atom").body();
              assertThat(bobs).doesNotContain(MARK);
            }));
    String underBob = bobId + aliceUnsubscribe.substring(aliceUnsubscribe.indexOf('-'));
    for (String method : List.of("GET", "POST"))
      all.add(
          new Case(
              method + " /digest/unsubscribe/<token>",
              "/digest/unsubscribe/" + aliceId + "-" + forged,
              true,
              () -> {
                for (String link : List.of(underBob, aliceId + "-" + forged)) {
                  FormClient mail = browser();
                  Answer r =
                      method.equals("GET")
                          ? mail.get("/digest/unsubscribe/" + link)
                          : mail.postRaw(
                              "/digest/unsubscribe/" + link,
                              Map.of("List-Unsubscribe", "One-Click"));
                  assertThat(r.status()).as(method + " " + link).isIn(403, 404);
                }
              }));

    // the account page and API tokens
    all.add(
        new Case(
            "GET /account",
            "/account",
            false,
            () ->
                assertThat(bobPage("/account"))
                    .contains("bob token")
                    .doesNotContain("Asia/Tokyo")));
    all.add(
        new Case(
            "POST /account/profile",
            "/account/profile",
            false,
            () ->
                redirected(
                    bob.post("/account/profile", "email", "bob@example.org", "timeZone", "UTC"))));
    all.add(
        new Case(
            "POST /account/password",
            "/account/password",
            false,
            () ->
                redirected(
                    bob.post(
                        "/account/password",
                        "current",
                        PASSWORD,
                        "password",
                        PASSWORD + "!",
                        "password2",
                        PASSWORD + "!"))));
    all.add(
        new Case(
            "POST /account/tokens",
            "/account/tokens",
            false,
            () ->
                assertThat(bob.post("/account/tokens", "name", "bob's second").status())
                    .isEqualTo(200)));
    all.add(
        new Case(
            "POST /account/tokens/{id}/revoke",
            "/account/tokens/" + aliceTokenId + "/revoke",
            false,
            () -> notFound(bob.post("/account/tokens/" + aliceTokenId + "/revoke"))));

    // the admin's pages: Bob is no admin
    all.add(
        new Case(
            "GET /admin",
            "/admin",
            false,
            () -> assertThat(bob.get("/admin").status()).isEqualTo(403)));
    all.add(
        new Case(
            "POST /admin/invites",
            "/admin/invites",
            false,
            () -> assertThat(bob.post("/admin/invites").status()).isEqualTo(403)));
    all.add(
        new Case(
            "POST /admin/invites/{id}/revoke",
            "/admin/invites/" + invite + "/revoke",
            false,
            () ->
                assertThat(bob.post("/admin/invites/" + invite + "/revoke").status())
                    .isEqualTo(403)));
    all.add(
        new Case(
            "POST /admin/users/{id}/role",
            "/admin/users/" + aliceId + "/role",
            false,
            () -> {
              for (long id : new long[] {aliceId, bobId}) {
                assertThat(bob.post("/admin/users/" + id + "/role", "admin", "true").status())
                    .isEqualTo(403);
                assertThat(accounts.users().byId(id).orElseThrow().admin()).isFalse();
              }
            }));

    // the API with Bob's token answers Bob's data only
    all.add(
        new Case(
            "GET /api/v1/me",
            "/api/v1/me",
            false,
            () -> assertThat(api("GET", "/api/v1/me").body()).contains("\"name\":\"bob\"")));
    all.add(
        new Case(
            "GET /api/v1/me/saved",
            "/api/v1/me/saved",
            false,
            () ->
                assertThat(api("GET", "/api/v1/me/saved").body())
                    .contains(BOBS)
                    .doesNotContain(SAVED)));
    all.add(
        new Case(
            "GET /api/v1/me/collections",
            "/api/v1/me/collections",
            false,
            () -> assertThat(api("GET", "/api/v1/me/collections").body()).contains("Bob shelf")));
    all.add(
        new Case(
            "GET /api/v1/me/collections/<id>",
            "/api/v1/me/collections/" + aliceCollection,
            false,
            () ->
                assertThat(api("GET", "/api/v1/me/collections/" + aliceCollection).status())
                    .isEqualTo(404)));
    for (String mark : List.of("saved", "votes", "dismissed"))
      for (String method : List.of("PUT", "DELETE"))
        all.add(
            new Case(
                method + " /api/v1/me/" + mark + "/<id>",
                "/api/v1/me/" + mark + "/" + SAVED,
                false,
                () -> {
                  Answer r = api(method, "/api/v1/me/" + mark + "/" + SAVED);
                  assertThat(r.status()).as(r.body()).isEqualTo(200);
                  api("DELETE", "/api/v1/me/" + mark + "/" + SAVED); // as Bob's marks were
                }));

    // last: Bob signs out, and Alice is still signed in
    all.add(
        new Case(
            "POST /logout",
            "/logout",
            true,
            () -> {
              assertThat(bob.post("/logout").status()).isEqualTo(303);
              assertThat(bob.get("/account").status()).isEqualTo(303);
              assertThat(alice.get("/account").status()).isEqualTo(200);
            }));
    return all;
  }

  /** A route anyone may read: Bob's view of it holds none of Alice's secrets. */
  private static Case open(String route, String path) {
    return new Case(route, path, true, () -> {});
  }

  @Test
  void everyRouteHasACase() {
    Set<String> routes = new TreeSet<>(web.server.routes());
    routes.removeIf(r -> r.startsWith("HEAD ") || r.startsWith("BEFORE") || r.startsWith("AFTER"));
    routes.removeIf(r -> r.startsWith("GET /assets/"));
    Set<String> covered = new TreeSet<>();
    for (Case c : cases()) covered.add(c.route());
    assertThat(covered).as("cases of routes that are not there").isSubsetOf(routes);
    assertThat(routes).as("routes without a case").isSubsetOf(covered);
  }

  @Test
  void bobNeverSeesOrChangesAlicesData() {
    for (Case c : cases()) {
      if (c.method().equals("GET")) {
        Answer r = bob.get(c.path());
        assertThat(r.body()).as(c.route() + " as Bob").doesNotContain(MARK);
      }
      try {
        c.asBob().run();
      } catch (AssertionError e) {
        throw new AssertionError(c.route() + " (" + c.path() + "): " + e.getMessage(), e);
      }
      aliceIntact();
    }
  }

  @Test
  void anAnonymousVisitorIsSentToSignInOrRefused() {
    FormClient anonymous = browser();
    anonymous.get("/login");
    for (Case c : cases()) {
      if (c.open()) continue;
      Answer r;
      if (c.path().startsWith("/api/")) {
        r = anonymous.call(c.method(), c.path());
        assertThat(r.status()).as(c.route()).isEqualTo(401);
      } else {
        r = c.method().equals("GET") ? anonymous.get(c.path()) : anonymous.post(c.path());
        assertThat(r.status()).as(c.route() + ": " + r.body()).isEqualTo(303);
        assertThat(r.location()).as(c.route()).startsWith("/login");
      }
      assertThat(r.body()).as(c.route()).doesNotContain(MARK);
    }
    aliceIntact();
  }

  /** Alice's data, all of it as she left it. */
  private static void aliceIntact() {
    State saved = marks.of(aliceId, SAVED);
    assertThat(saved.saved()).as("Alice's save").isTrue();
    assertThat(saved.voted()).as("Alice's vote").isTrue();
    assertThat(marks.of(aliceId, DISMISSED).dismissed()).as("Alice's not interested").isTrue();
    assertThat(signals.untrained(aliceId)).as("Alice's left-out paper").containsExactly(SAVED);
    Collection shelf = collections.get(aliceId, aliceCollection).orElseThrow();
    assertThat(shelf.name()).isEqualTo(COLLECTION);
    assertThat(collections.papers(aliceId, aliceCollection, 0, 10).items())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.paper().id()).isEqualTo(SAVED);
              assertThat(e.note()).isEqualTo(NOTE);
            });
    assertThat(pending.of(aliceId, aliceCollection))
        .extracting(PendingImports.Pending::id)
        .containsExactly(alicePending);
    assertThat(digests.subscriptions().of(aliceId))
        .extracting(Subscription::name)
        .containsExactlyInAnyOrder(SEARCH_NAME, "Grace Hopper");
    assertThat(digests.users().settings(aliceId).frequency()).isEqualTo(Frequency.WEEKLY);
    assertThat(accounts.tokens().list(aliceId))
        .extracting(ApiTokens.Token::name)
        .containsExactly(TOKEN_NAME);
    assertThat(accounts.tokens().resolve(aliceToken)).contains(aliceId);
    assertThat(accounts.users().byId(aliceId).orElseThrow().email()).isEqualTo(EMAIL);
    assertThat(accounts.users().verify("alice", PASSWORD)).isPresent();
    assertThat(accounts.invites().list())
        .filteredOn(i -> i.id() == invite)
        .singleElement()
        .satisfies(i -> assertThat(i.open(accounts.now())).isTrue());
  }

  private static FormClient browser() {
    return new FormClient(web.uri());
  }

  private static FormClient signIn(String name) {
    FormClient b = browser();
    b.get("/login");
    Answer r = b.post("/login", "name", name, "password", PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    b.get("/account");
    return b;
  }

  private static String bobPage(String path) {
    Answer r = bob.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static Answer redirected(Answer r) {
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    return r;
  }

  private static void notFound(Answer r) {
    assertThat(r.status()).as(r.body()).isIn(403, 404);
    assertThat(r.body()).doesNotContain(MARK);
  }

  private static String token(Answer r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Matcher m = TOKEN.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group();
  }

  /** A call to the API with Bob's token, no cookies. */
  private static Answer api(String method, String path) {
    return new FormClient(web.uri())
        .send(
            HttpRequest.newBuilder(web.uri().resolve(path))
                .header("Authorization", "Bearer " + bobToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
  }
}
