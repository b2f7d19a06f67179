package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * arXiv writes a title in LaTeX, Hugging Face and reference managers write it decoded: the writer
 * merges the two sightings into one paper, whichever comes first.
 */
class TitleKeyMergeTest {
  static final String ARXIV_TITLE = "Computing Gr\\\"obner Bases of Ideals of Points";
  static final String DECODED_TITLE = "Computing Gröbner bases of ideals of points";

  @TempDir Path dir;
  PaperLibrary library;

  @BeforeEach
  void open() {
    library = new PaperLibrary(Database.openEmbedded(dir));
  }

  @AfterEach
  void close() {
    library.database().close();
  }

  @Test
  void aTitleOnlySightingJoinsTheArxivPaperWithItsLatexTitle() {
    write(arxivRecord());
    assertThat(write(titleOnlySighting())).isEqualTo(PaperWriter.Outcome.UPDATED);

    assertThat(library.count()).isEqualTo(1);
    assertThat(library.get("2403.00001").orElseThrow().sources())
        .containsExactly("arxiv-snapshot", "hf-page");
  }

  @Test
  void theArxivRecordJoinsThePaperFirstKnownByItsDecodedTitle() {
    write(titleOnlySighting());
    assertThat(write(arxivRecord())).isEqualTo(PaperWriter.Outcome.UPDATED);

    assertThat(library.count()).isEqualTo(1);
    Paper moved = library.get(PaperIds.fromTitle(DECODED_TITLE)).orElseThrow();
    assertThat(moved.id()).isEqualTo("2403.00001");
    assertThat(moved.sources()).containsExactly("arxiv-snapshot", "hf-page");
  }

  @Test
  void theLookupByTitleKeyFindsTheArxivPaperFromEitherSpelling() {
    write(arxivRecord());
    String key = Paper.of("x", DECODED_TITLE, "", List.of(), "user").titleKey();

    assertThat(library.idsByTitleKey(List.of(key))).containsExactly(Map.entry(key, "2403.00001"));
  }

  private static Paper arxivRecord() {
    return Paper.of("2403.00001", ARXIV_TITLE, "abstract", List.of("A"), "arxiv-snapshot");
  }

  private static Paper titleOnlySighting() {
    return Paper.of(PaperIds.fromTitle(DECODED_TITLE), DECODED_TITLE, "", List.of(), "hf-page");
  }

  private PaperWriter.Outcome write(Paper p) {
    try (PaperWriter w = library.writer(0)) {
      PaperWriter.Outcome outcome = w.write(p);
      w.commit(Map.of(), null);
      return outcome;
    }
  }
}
