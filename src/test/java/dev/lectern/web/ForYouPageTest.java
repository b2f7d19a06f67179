package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.UserSignals;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.TrainingSignals;
import dev.lectern.web.view.Viewer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "For you" through a running server: the sample library with vectors in two groups (by a paper's
 * id), a paper saved from Today, the recommendations it brings and the training page that changes
 * them.
 */
class ForYouPageTest {
  static final String SAVED = "2403.01111";
  static final String SAVED_TITLE = "Sparse attention for long documents";
  static final Pattern CARD =
      Pattern.compile("<article class=\"paper[^\"]*\" id=\"paper-([^\"]+)\"");

  @TempDir static Path dataDir;
  static WebFixture web;
  static final Map<String, Integer> group = new HashMap<>();

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
    PaperLibrary library = web.lectern.library();
    Map<String, float[]> vectors = new HashMap<>();
    Random random = new Random(5);
    for (PaperLibrary.Change c : library.changedSince(0, 100_000)) {
      Paper p = c.paper();
      int g = Math.floorMod(p.id().hashCode(), 2);
      group.put(p.id(), g);
      float[] v = new float[384];
      v[g] = 1;
      for (int i = 0; i < v.length; i++) v[i] += (float) (0.05 * random.nextGaussian());
      vectors.put(p.id(), v);
    }
    library.embeddings().putAll(OnnxBgeEmbedder.MODEL_ID, vectors, Map.of());
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  static List<String> cards(String html) {
    Matcher m = CARD.matcher(html);
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  @Test
  void aSavedPaperBringsPapersLikeItEachSayingWhyAndTheyCountAsSeen() {
    FormClient browser = new FormClient(web.uri());
    browser.get("/"); // a page with forms: the CSRF cookie and token
    String empty = browser.get("/for-you").body();
    assertThat(empty).contains("Nothing saved yet").contains("aria-current=\"page\">For you</a>");
    assertThat(cards(empty)).isEmpty();

    browser.post("/library/save", "paper", SAVED, "on", "true", "next", "/");
    try {
      Answer r = browser.get("/for-you");
      assertThat(r.status()).isEqualTo(200);
      List<String> ids = cards(r.body());
      assertThat(ids).isNotEmpty().doesNotContain(SAVED);
      assertThat(ids.subList(0, Math.min(3, ids.size())))
          .allSatisfy(id -> assertThat(group.get(id)).as(id).isEqualTo(group.get(SAVED)));
      assertThat(r.body())
          .contains("Because you saved <a href=\"/papers/" + SAVED + "\">" + SAVED_TITLE + "</a>")
          .contains("Learned from 1 saved paper in 1 interest");
      PaperMarks marks = new PaperMarks(web.lectern.library(), Clock.systemUTC());
      assertThat(marks.of(Viewer.LOCAL_USER, ids).values())
          .hasSize(ids.size())
          .allSatisfy(s -> assertThat(s.seen()).isNotNull());
      // shown today, so still listed today; from tomorrow on they are left out
      assertThat(cards(browser.get("/for-you").body())).containsExactlyElementsOf(ids);
      Clock tomorrow = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1));
      UserSignals later =
          new TrainingSignals(web.lectern.library(), tomorrow).signals(Viewer.LOCAL_USER);
      assertThat(later.shown()).containsAll(ids);
    } finally {
      browser.post("/library/save", "paper", SAVED, "on", "false", "next", "/");
    }
  }

  @Test
  void aPaperLeftOutOfTheTrainingStopsShapingTheListAndCanBePutBack() {
    FormClient browser = new FormClient(web.uri());
    browser.get("/"); // a page with forms: the CSRF cookie and token
    String other = "2403.02222";
    browser.post("/library/save", "paper", other, "on", "true", "next", "/");
    try {
      String training = browser.get("/for-you/training").body();
      assertThat(training).contains("Everything you saved").contains(">Leave out</button>");

      Answer out = browser.post("/for-you/training", "paper", other, "on", "true");
      assertThat(out.status()).isEqualTo(303);
      assertThat(out.location()).isEqualTo("/for-you/training");
      String after = browser.get("/for-you/training").body();
      assertThat(after).contains("Left out").contains(">Put back</button>");
      assertThat(after).doesNotContain("Everything you saved");
      assertThat(browser.get("/for-you").body()).contains("Nothing saved yet");
      assertThat(browser.get("/library").body()).as("still saved").contains("Retrieval heads");

      browser.post("/for-you/training", "paper", other, "on", "false");
      assertThat(cards(browser.get("/for-you").body())).isNotEmpty().doesNotContain(other);
    } finally {
      browser.post("/library/save", "paper", other, "on", "false", "next", "/");
    }
  }

  /**
   * Saving or dismissing from the list takes the card away: the list says what was done, with an
   * Undo, and the browser goes on at the card that followed (or at the notice after the last).
   */
  @Test
  void aMarkFromTheListSaysSoGoesOnAtTheNextCardAndCanBeUndone() {
    FormClient browser = new FormClient(web.uri());
    browser.get("/"); // a page with forms: the CSRF cookie and token
    browser.post("/library/save", "paper", SAVED, "on", "true", "next", "/");
    try {
      String page = browser.get("/for-you").body();
      List<String> ids = cards(page);
      assertThat(ids).hasSizeGreaterThan(2);
      String first = ids.get(0), second = ids.get(1), last = ids.getLast();
      // each card's forms come back to the card after it, the last one's to the notice
      assertThat(page)
          .contains(
              "name=\"paper\" value=\""
                  + first
                  + "\"><input type=\"hidden\" name=\"on\" value=\"true\"><input"
                  + " type=\"hidden\" name=\"next\" value=\"/for-you#paper-"
                  + second
                  + "\">")
          .contains(
              "name=\"paper\" value=\""
                  + last
                  + "\"><input type=\"hidden\" name=\"on\" value=\"true\"><input"
                  + " type=\"hidden\" name=\"next\" value=\"/for-you#notice\">");

      Answer saved =
          browser.post(
              "/library/save", "paper", first, "on", "true", "next", "/for-you#paper-" + second);
      assertThat(saved.status()).isEqualTo(303);
      assertThat(saved.location())
          .isEqualTo("/for-you?done=saved&paper=" + first + "#paper-" + second);
      String after = browser.get("/for-you?done=saved&paper=" + first).body();
      assertThat(after)
          .contains("Saved “" + title(page, first) + "”.")
          .contains(
              "<form class=\"notice\" id=\"notice\" role=\"status\" method=\"post\" action=\"/library/save\">")
          .contains(">Undo</button>");
      assertThat(cards(after)).doesNotContain(first).contains(second);

      Answer undo =
          browser.post(
              "/library/save", "paper", first, "on", "false", "next", "/for-you#paper-" + first);
      assertThat(undo.location()).isEqualTo("/for-you#paper-" + first);
      String back = browser.get("/for-you").body();
      assertThat(cards(back)).contains(first);
      assertThat(back).doesNotContain(">Undo</button>");

      Answer dismissed =
          browser.post("/library/dismiss", "paper", last, "on", "true", "next", "/for-you#notice");
      assertThat(dismissed.location())
          .isEqualTo("/for-you?done=dismissed&paper=" + last + "#notice");
      assertThat(browser.get("/for-you?done=dismissed&paper=" + last).body())
          .contains("Not interested in “" + title(page, last) + "”.")
          .contains("action=\"/library/dismiss\">");
      browser.post("/library/dismiss", "paper", last, "on", "false", "next", "/for-you#notice");
      // a link naming a mark the viewer has not made shows no notice
      assertThat(browser.get("/for-you?done=saved&paper=" + last).body()).doesNotContain(">Undo<");
    } finally {
      browser.post("/library/save", "paper", SAVED, "on", "false", "next", "/");
    }
  }

  @Test
  void theListComesInPagesAndOnlyThePagesOpenedCountAsShown() throws SQLException {
    forgetShown(); // what the other tests' lists showed
    FormClient browser = new FormClient(web.uri());
    browser.get("/"); // a page with forms: the CSRF cookie and token
    browser.post("/library/save", "paper", SAVED, "on", "true", "next", "/");
    try {
      String first = browser.get("/for-you").body();
      List<String> one = cards(first);
      assertThat(one).hasSize(ForYouPage.PAGE_SIZE);
      assertThat(first)
          .contains("<a rel=\"next\" href=\"/for-you?page=2\">More papers →</a>")
          .doesNotContain("rel=\"prev\"");
      Set<String> shownBefore = shownFromTomorrow();
      assertThat(shownBefore).containsAll(one);

      String second = browser.get("/for-you?page=2").body();
      List<String> two = cards(second);
      assertThat(two).isNotEmpty().doesNotContainAnyElementsOf(one).doesNotContain(SAVED);
      assertThat(shownBefore).as("unopened, so not shown").doesNotContainAnyElementsOf(two);
      assertThat(shownFromTomorrow()).containsAll(two);
      assertThat(second)
          .contains("Papers 11–" + (10 + two.size()) + " of ")
          .contains("<a rel=\"prev\" href=\"/for-you\">← Better matches</a>")
          // a mark made on this page comes back to it
          .contains("name=\"next\" value=\"/for-you?page=2#paper-" + two.get(1) + "\">");

      Answer saved =
          browser.post(
              "/library/save",
              "paper",
              two.get(0),
              "on",
              "true",
              "next",
              "/for-you?page=2#paper-" + two.get(1));
      assertThat(saved.location())
          .isEqualTo("/for-you?page=2&done=saved&paper=" + two.get(0) + "#paper-" + two.get(1));
      browser.post("/library/save", "paper", two.get(0), "on", "false", "next", "/");

      assertThat(browser.get("/for-you?page=" + (ForYouPage.MAX_PAGE + 1)).status()).isEqualTo(400);
      // a page number the list does not have is not carried into the redirect
      assertThat(ForYouPage.done("saved", "p", "/for-you?page=99#notice"))
          .isEqualTo("/for-you?done=saved&paper=p#notice");
    } finally {
      browser.post("/library/save", "paper", SAVED, "on", "false", "next", "/");
    }
  }

  private static void forgetShown() throws SQLException {
    try (Connection c = web.lectern.library().database().connect();
        PreparedStatement st =
            c.prepareStatement("UPDATE paper_marks SET seen_at = NULL WHERE user_id = ?")) {
      st.setLong(1, Viewer.LOCAL_USER);
      st.executeUpdate();
    }
  }

  /** The papers For you leaves out from tomorrow on: those shown by today. */
  private static Set<String> shownFromTomorrow() {
    Clock tomorrow = Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1));
    return new TrainingSignals(web.lectern.library(), tomorrow).signals(Viewer.LOCAL_USER).shown();
  }

  private static String title(String html, String id) {
    Matcher m = Pattern.compile("id=\"title-" + Pattern.quote(id) + "\">([^<]*)</a>").matcher(html);
    assertThat(m.find()).as(id).isTrue();
    return m.group(1);
  }

  @Test
  void aFormWithoutItsTokenOrForAnUnknownPaperChangesNothing() {
    FormClient browser = new FormClient(web.uri());
    browser.get("/"); // a page with forms: the CSRF cookie and token
    assertThat(browser.post("/for-you/training", "paper", "9999.99999", "on", "true").status())
        .isEqualTo(404);
    // a paper the viewer never saved trains nothing, so it cannot be left out
    Answer unsaved = browser.post("/for-you/training", "paper", SAVED, "on", "true");
    assertThat(unsaved.status()).isEqualTo(400);
    assertThat(unsaved.body()).contains("only a paper you saved or put in a collection");
    assertThat(
            new TrainingSignals(web.lectern.library(), Clock.systemUTC())
                .untrained(Viewer.LOCAL_USER))
        .doesNotContain(SAVED);
    assertThat(browser.get("/for-you?x=1").status()).isEqualTo(400);
  }
}
