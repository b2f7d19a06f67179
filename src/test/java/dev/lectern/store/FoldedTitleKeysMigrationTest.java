package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library written at schema version 13, whose title keys left ø, ł, ß and their kin unfolded,
 * opens with folded keys (V14), for its papers and its pending imports known only by title.
 */
class FoldedTitleKeysMigrationTest {
  /** A title-only paper whose id came from the key its title gave at V13. */
  static final String OLD_TITLE_ID = DecodedTitleKeysMigrationTest.OLD_TITLE_ID;

  @TempDir Path dir;
  OldLibrary old;

  @BeforeEach
  void libraryAtVersion13() throws SQLException {
    old = OldLibrary.at(dir, "13");
  }

  @Test
  void papersWithLettersNfkdLeavesWholeAreRekeyedAndOnlyThose() throws SQLException {
    Map<String, String[]> papers = new LinkedHashMap<>(); // id -> title, key stored at V13
    papers.put("2403.00001", new String[] {"Søren's lemma", "søren s lemma"});
    papers.put("2403.00002", new String[] {"\\L{}ukasz and Łódź", "łukasz and łódź"});
    papers.put("2403.00003", new String[] {"Die Straße der Gröbner", "die straße der grobner"});
    papers.put("2403.00004", new String[] {"Plain: C++ & Rust", "plain c rust"});
    papers.put("2403.00005", new String[] {"Η θεωρία των αριθμών", "η θεωρια των αριθμων"});
    papers.put(OLD_TITLE_ID, new String[] {"Bjørn's model", "bjørn s model"});
    old.insertPapers(papers);

    old.open();

    assertThat(old.titleKeys())
        .containsExactly(
            Map.entry("2403.00001", "soren s lemma"),
            Map.entry("2403.00002", "lukasz and lodz"),
            Map.entry("2403.00003", "die strasse der grobner"),
            Map.entry("2403.00004", "plain c rust"),
            Map.entry("2403.00005", "η θεωρια των αριθμων"),
            Map.entry(OLD_TITLE_ID, "bjorn s model"));
    assertThat(old.strings("SELECT id FROM touched"))
        .as("titles whose key stays are not written")
        .containsExactlyInAnyOrder("2403.00001", "2403.00002", "2403.00003", OLD_TITLE_ID);
    assertThat(old.strings("SELECT version FROM flyway_schema_history WHERE success"))
        .contains("14");
  }

  /** The HF sighting spelled without ø joins the paper stored, before V14, with it. */
  @Test
  void anUnaccentedSightingJoinsTheRekeyedPaper() throws SQLException {
    old.insertPapers(Map.of("2403.00001", new String[] {"Søren's lemma", "søren s lemma"}));
    PaperLibrary library = new PaperLibrary(Database.open(old.url()));
    Paper sighting =
        Paper.of(PaperIds.fromTitle("Soren's Lemma"), "Soren's Lemma", "", List.of(), "hf-page");
    try (PaperWriter w = library.writer(0)) {
      assertThat(w.write(sighting)).isEqualTo(PaperWriter.Outcome.UPDATED);
      w.commit(Map.of(), null);
    }
    assertThat(library.count()).isEqualTo(1);
    library.database().close();
  }

  @Test
  void pendingTitlesGetTheirCurrentKeyAndArxivIdsKeepTheirs() throws SQLException {
    pending(1, 1, null, "Gr\\\"obner bases for Søren", "title:gr obner bases for søren", "10:00");
    pending(2, 1, "2502.00002", "Die Straße", "2502.00002", "10:01");
    pending(3, 1, null, "A plain title", "title:a plain title", "10:02");

    old.open();

    assertThat(wantedKeys())
        .containsExactly(
            "1 title:grobner bases for soren", "2 2502.00002", "3 title:a plain title");
  }

  /** Two titles of one collection that now give one key are one wanted paper: the earliest. */
  @Test
  void pendingTitlesThatCollideKeepTheEarliest() throws SQLException {
    pending(1, 1, null, "Soren's Lemma", "title:soren s lemma", "11:00");
    pending(2, 1, null, "Søren's lemma", "title:søren s lemma", "10:00");
    pending(3, 2, null, "Straße", "title:straße", "10:00"); // same time: the lower id stays
    pending(4, 2, null, "Strasse", "title:strasse", "10:00");
    pending(5, 3, null, "Søren's lemma", "title:søren s lemma", "12:00"); // another collection

    old.open();

    assertThat(wantedKeys())
        .containsExactly("2 title:soren s lemma", "3 title:strasse", "5 title:soren s lemma");
  }

  /**
   * One row's new key is, for a moment, another's old key: the other moves too, and neither is
   * lost.
   */
  @Test
  void aNewKeyThatAnotherRowHeldBeforeItsOwnChangeIsNoCollision() throws SQLException {
    pending(1, 1, null, "Emph Bjørn", "title:emph bjørn", "10:00");
    pending(2, 1, null, "\\emph{Bjorn}", "title:emph bjorn", "11:00"); // recorded before V13

    old.open();

    assertThat(wantedKeys()).containsExactly("1 title:emph bjorn", "2 title:bjorn");
  }

  private void pending(
      long id, long collection, String arxivId, String title, String key, String time)
      throws SQLException {
    old.update(
        "INSERT INTO pending_imports (id, user_id, collection_id, arxiv_id, title, wanted_key,"
            + " reason, added_at) VALUES (?, 1, ?, ?, ?, ?, 'not in the library', ?)",
        id,
        collection,
        arxivId,
        title,
        key,
        "2024-03-13T" + time + ":00Z");
  }

  private List<String> wantedKeys() throws SQLException {
    return old.strings("SELECT id || ' ' || wanted_key FROM pending_imports ORDER BY id");
  }
}
