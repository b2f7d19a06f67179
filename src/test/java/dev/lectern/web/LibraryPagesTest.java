package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.testing.BibtexReader;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Votes, saves, "not interested" and collections through a running server, as a browser sends them:
 * forms POSTed with the token a page gave, answered 303 back to the page.
 */
class LibraryPagesTest {
  static final String TODAY = "/?day=" + WebFixture.DAY;
  static final String SPARSE = "2403.01111";
  static final String SPARSE_TITLE = "Sparse attention for long documents";
  static final String SURVEY = "2403.03333";
  static final String SURVEY_TITLE = "A survey of graph transformers";

  @TempDir static Path dataDir;
  static WebFixture web;
  static PaperMarks marks;
  static PaperCollections collections;
  FormClient browser;

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
    marks = new PaperMarks(web.lectern.library(), Clock.systemUTC());
    collections = new PaperCollections(web.lectern.library(), marks, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @BeforeEach
  void browser() {
    browser = new FormClient(web.uri());
    assertThat(browser.get(TODAY).status()).isEqualTo(200);
  }

  @Test
  void aPaperSavedFromTodayIsInTheLibraryUntilUnsaved() {
    Answer r = browser.post("/library/save", "paper", SPARSE, "on", "true", "next", TODAY);
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.location()).isEqualTo(TODAY + "#paper-" + SPARSE);
    assertThat(savePressed(browser.get(TODAY).body(), SPARSE)).isTrue();

    String library = browser.get("/library").body();
    assertThat(library).contains(SPARSE_TITLE).containsPattern("\\d saved papers?,");
    assertThat(library).contains("aria-current=\"page\">Library</a>");

    browser.post("/library/save", "paper", SPARSE, "on", "false", "next", "/library");
    assertThat(browser.get("/library").body()).doesNotContain(SPARSE_TITLE);
    assertThat(savePressed(browser.get(TODAY).body(), SPARSE)).isFalse();
  }

  @Test
  void aFormComesBackToAnAuthorsPageWhoseNameIsEncoded() {
    String author = "/authors/Kurt%20G%5C%22odel"; // Kurt G\"odel, as a snapshot writes it
    String html = browser.get(author).body();
    assertThat(html).contains("name=\"next\" value=\"" + author + "\"");
    Answer r =
        browser.post(
            "/library/dismiss", "paper", WebFixture.OLD_STYLE_ID, "on", "true", "next", author);
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    assertThat(r.location()).isEqualTo(author + "#paper-" + WebFixture.OLD_STYLE_ID);
    browser.post(
        "/library/dismiss", "paper", WebFixture.OLD_STYLE_ID, "on", "false", "next", author);
  }

  @Test
  void anUpvoteShowsItsCountAndPressedStateOnEveryCard() {
    browser.post("/library/vote", "paper", "2403.03333", "on", "true", "next", TODAY);
    try {
      String today = browser.get(TODAY).body();
      assertThat(button(today, "vote", "2403.03333"))
          .contains("aria-pressed=\"true\"")
          .contains("<span class=\"n\">1</span>");
      assertThat(button(browser.get("/search?q=graph+transformers").body(), "vote", "2403.03333"))
          .contains("aria-pressed=\"true\"");
      assertThat(button(browser.get("/papers/2403.03333").body(), "vote", "2403.03333"))
          .contains("aria-pressed=\"true\"");
    } finally {
      browser.post("/library/vote", "paper", "2403.03333", "on", "false", "next", TODAY);
    }
  }

  @Test
  void aDismissedPaperIsListedWithAWayBack() {
    browser.post("/library/dismiss", "paper", "2403.00500", "on", "true", "next", "/library");
    String list = browser.get("/library/dismissed").body();
    assertThat(list).contains("A paper of the day before").contains("to undo");
    assertThat(browser.get("/library").body()).contains("not interested (1)");
    Answer undo =
        browser.post(
            "/library/dismiss", "paper", "2403.00500", "on", "false", "next", "/library/dismissed");
    assertThat(undo.status()).isEqualTo(303);
    assertThat(browser.get("/library/dismissed").body())
        .doesNotContain("A paper of the day before");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "library",
        "/ok\r\nSet-Cookie: x=1"
      })
  void aNextOffThisSiteIsRefusedAndNothingChanges(String next) {
    Answer r =
        browser.post("/library/save", "paper", WebFixture.HOSTILE_ID, "on", "true", "next", next);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.location()).isEmpty();
    assertThat(r.body()).contains("must be a page of this Lectern");
    assertThat(marks.of(1, WebFixture.HOSTILE_ID).saved()).isFalse();
  }

  @Test
  void anUnknownPaperIsNotFound() {
    Answer r = browser.post("/library/save", "paper", "9999.99999", "on", "true", "next", TODAY);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("No paper with the id");
    assertThat(browser.post("/library/vote", "paper", SPARSE, "on", "maybe").status())
        .isEqualTo(400);
    // a GET to a form's address is not allowed, and says what is
    Answer get = browser.get("/library/save");
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.header("Allow")).isEqualTo("POST");
  }

  @Test
  void aCollectionIsMadeFilledNotedExportedRenamedAndDeleted() throws Exception {
    Answer made =
        browser.post(
            "/library/collect", "paper", SURVEY, "collection", "new", "name", "Long context");
    assertThat(made.status()).isEqualTo(303);
    String href = made.location();
    assertThat(href).matches("/collections/\\d+");
    browser.get("/papers/2403.02222");
    browser.post(
        "/library/collect",
        "paper",
        "2403.02222",
        "collection",
        href.substring("/collections/".length()),
        "next",
        "/papers/2403.02222");
    assertThat(browser.get("/papers/2403.02222").body())
        .contains("In your collections: <a href=\"" + href + "\">Long context</a>");
    Answer noted = browser.post(href + "/note", "paper", SURVEY, "note", "Read section 3 <first>");
    assertThat(noted.location()).isEqualTo(href + "#paper-" + SURVEY);

    String page = browser.get(href).body();
    assertThat(page).contains("<h1>Long context</h1>").contains("2 papers");
    assertThat(page).contains("Read section 3 &lt;first&gt;</textarea>");
    // added to a collection is saved
    assertThat(browser.get("/library").body()).contains(SURVEY_TITLE).contains("Long context");

    // the note goes into every export, read back as a reference manager and a script read it
    var bib = BibtexReader.read(ok(href + ".bib", "application/x-bibtex").body());
    assertThat(bib).hasSize(2);
    assertThat(bib.values())
        .extracting(e -> BibtexReader.field(e, "annote"))
        .containsExactly(null, "Read section 3 <first>");
    var csv = ExportsTest.csv(ok(href + ".csv", "text/csv").body());
    assertThat(csv).extracting(row -> row.get("id")).containsExactly("2403.02222", SURVEY);
    assertThat(csv)
        .extracting(row -> row.get("note"))
        .containsExactly("", "Read section 3 <first>");
    JsonNode json = new ObjectMapper().readTree(ok(href + ".json", "application/json").body());
    assertThat(json.get("name").asText()).isEqualTo("Long context");
    assertThat(json.get("papers").get(1).get("note").asText()).isEqualTo("Read section 3 <first>");
    assertThat(json.get("papers").get(1).get("paper").get("id").asText()).isEqualTo(SURVEY);

    browser.post(href + "/remove", "paper", "2403.02222");
    browser.post(href + "/rename", "name", "Long documents");
    assertThat(browser.get(href).body()).contains("<h1>Long documents</h1>").contains("1 paper,");
    Answer taken = browser.post("/collections", "name", "long DOCUMENTS");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body()).contains("already have a collection named");
    Answer gone = browser.post(href + "/delete");
    assertThat(gone.location()).isEqualTo("/library");
    assertThat(browser.get(href).status()).isEqualTo(404);
  }

  @Test
  void anotherUsersCollectionIsNotFoundThroughAnyPageOrForm() {
    long bobs = collections.create(2, "Bob's secrets").id();
    collections.add(2, bobs, "2403.04444");
    String href = "/collections/" + bobs;
    for (String path :
        new String[] {href, href + ".bib", href + ".csv", href + ".json", "/collections/x"})
      assertThat(browser.get(path).status()).as(path).isEqualTo(404);
    for (String action : new String[] {"/rename", "/delete", "/note", "/remove"})
      assertThat(browser.post(href + action, "name", "mine", "paper", "2403.04444").status())
          .as(action)
          .isEqualTo(404);
    assertThat(
            browser
                .post("/library/collect", "paper", SPARSE, "collection", String.valueOf(bobs))
                .status())
        .isEqualTo(404);
    assertThat(browser.get("/library").body()).doesNotContain("Bob's secrets");
    assertThat(browser.call("GET", "/api/v1/me/collections/" + bobs).status()).isEqualTo(404);
    assertThat(browser.call("GET", "/api/v1/me/collections").body()).doesNotContain("Bob");
    assertThat(collections.get(2, bobs)).isPresent();
    assertThat(marks.list(2, Mark.SAVED, 0, 10).total()).isEqualTo(1);
  }

  @Test
  void theApiSavesVotesAndDismissesThePapersOfTheCaller() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Answer put = browser.call("PUT", "/api/v1/me/votes/hep-th/9901001");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(json.readTree(put.body()).get("voted").asBoolean()).isTrue();
    assertThat(json.readTree(put.body()).get("votes").asInt()).isEqualTo(1);
    browser.call("PUT", "/api/v1/me/saved/2403.04444");
    JsonNode saved = json.readTree(browser.call("GET", "/api/v1/me/saved").body());
    assertThat(saved.get("papers").get(0).get("paper").get("id").asText()).isEqualTo("2403.04444");
    JsonNode off = json.readTree(browser.call("DELETE", "/api/v1/me/saved/2403.04444").body());
    assertThat(off.get("saved").asBoolean()).isFalse();
    browser.call("DELETE", "/api/v1/me/votes/hep-th/9901001");
    Answer none = browser.call("PUT", "/api/v1/me/dismissed/9999.99999");
    assertThat(none.status()).isEqualTo(404);
    assertThat(json.readTree(none.body()).get("error").asText()).contains("no paper");
  }

  private Answer ok(String path, String type) {
    Answer r = browser.get(path);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith(type);
    return r;
  }

  private static boolean savePressed(String html, String id) {
    return button(html, "save", id).contains("aria-pressed=\"true\"");
  }

  /** The button of a paper's form, as the page renders it. */
  private static String button(String html, String kind, String id) {
    Matcher m =
        Pattern.compile(
                "<button [^>]*id=\"" + kind + "-" + Pattern.quote(id) + "\"[^>]*>.*?</button>")
            .matcher(html);
    assertThat(m.find()).as(kind + " " + id).isTrue();
    return m.group();
  }
}
