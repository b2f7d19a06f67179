package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library written at schema version 12, whose title keys were made from the raw titles, opens
 * with the keys of the decoded titles (V13).
 */
class DecodedTitleKeysMigrationTest {
  static final String SCHRODINGER = "Solitons of the nonlinear Schr\\\"odinger equation";

  static final String OLD_KEY = "solitons of the nonlinear schr odinger equation";

  /**
   * A title-only paper of an old library, whose id came from the raw title's key: not the id its
   * title gives now.
   */
  static final String OLD_TITLE_ID = "t-00aa11bb22cc33dd";

  @TempDir Path dir;
  OldLibrary old;

  @BeforeEach
  void libraryAtVersion12() throws SQLException {
    old = OldLibrary.at(dir, "12");
  }

  @Test
  void everyPaperGetsTheKeyOfItsDecodedTitleAndOnlyChangedKeysAreWritten() throws SQLException {
    Map<String, String[]> papers = new LinkedHashMap<>(); // id -> title, key stored at V12
    papers.put(
        "2403.00001",
        new String[] {
          "Computing Gr\\\"obner bases of ideals of points",
          "computing gr obner bases of ideals of points"
        });
    papers.put(
        "2403.00002",
        new String[] {
          "\\emph{Ab initio} study of Bj{\\o}rn's {\\em model}",
          "emph ab initio study of bj o rn s em model"
        });
    papers.put(
        "2403.00003", new String[] {"50% fewer tokens: C++ & Rust", "50 fewer tokens c rust"});
    papers.put(
        "2403.00004",
        new String[] {"$\\Lambda$CDM for a $100 budget", "lambda cdm for a 100 budget"});
    papers.put(OLD_TITLE_ID, new String[] {SCHRODINGER, OLD_KEY});
    old.insertPapers(papers);

    old.open();

    assertThat(old.titleKeys())
        .containsExactly(
            Map.entry("2403.00001", "computing grobner bases of ideals of points"),
            Map.entry("2403.00002", "ab initio study of bjorn s model"), // ø folded since V14
            Map.entry("2403.00003", "50 fewer tokens c rust"),
            Map.entry("2403.00004", "lambda cdm for a 100 budget"),
            Map.entry(OLD_TITLE_ID, "solitons of the nonlinear schrodinger equation"));
    assertThat(old.strings("SELECT id FROM touched"))
        .as("plain titles and math keep their keys and are not written")
        .containsExactlyInAnyOrder("2403.00001", "2403.00002", OLD_TITLE_ID);
    assertThat(old.strings("SELECT name FROM sqlite_master WHERE type = 'index'"))
        .contains("papers_title_key");
    assertThat(old.strings("SELECT version FROM flyway_schema_history WHERE success"))
        .contains("13");
  }

  /** More rows than one batch: every batch is written, the last partial one too. */
  @Test
  void aLibraryOfManyPapersIsRekeyedInBatches() throws SQLException {
    Map<String, String[]> papers = new LinkedHashMap<>();
    for (int i = 0; i < 2_500; i++) {
      String title = i % 2 == 0 ? "Paper " + i + " on Gr\\\"obner bases" : "Paper " + i;
      papers.put(String.format("2403.%05d", i), new String[] {title, "old " + i});
    }
    old.insertPapers(papers);

    old.open();

    Map<String, String> keys = old.titleKeys();
    assertThat(keys).hasSize(2_500);
    assertThat(keys.get("2403.00000")).isEqualTo("paper 0 on grobner bases");
    assertThat(keys.get("2403.02499")).isEqualTo("paper 2499");
    assertThat(keys.values()).noneMatch(k -> k.startsWith("old "));
  }

  /**
   * A paper known by its title before V13 keeps the id its raw title gave it; its arXiv record
   * still finds it (by key) and moves it to the arXiv id, rather than making a second paper.
   */
  @Test
  void anOldTitleOnlyPaperJoinsItsArxivRecordAfterTheMigration() throws SQLException {
    old.insertPapers(Map.of(OLD_TITLE_ID, new String[] {SCHRODINGER, OLD_KEY}));
    PaperLibrary library = new PaperLibrary(Database.open(old.url()));
    try (PaperWriter w = library.writer(0)) {
      assertThat(w.write(Paper.of("2403.00009", SCHRODINGER, "a", List.of(), "arxiv-snapshot")))
          .isEqualTo(PaperWriter.Outcome.UPDATED);
      w.commit(Map.of(), null);
    }
    assertThat(library.count()).isEqualTo(1);
    assertThat(library.get(OLD_TITLE_ID).orElseThrow().id()).isEqualTo("2403.00009");
    library.database().close();
  }
}
