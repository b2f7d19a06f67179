package dev.lectern.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent window over a real library, and vectors read from its store. */
class CandidatesTest {
  @TempDir Path dir;

  PaperLibrary library() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    for (int day = 1; day <= 5; day++) {
      TestLibrary.write(
          library,
          TestLibrary.paper(
              "2403.0000" + day,
              "Paper " + day,
              "",
              List.of(),
              List.of("cs.LG"),
              LocalDate.of(2024, 3, day),
              null));
    }
    return library;
  }

  @Test
  void theWindowHoldsTheLastDaysNewestFirst() {
    PaperLibrary library = library();
    assertThat(Candidates.recent(library, LocalDate.of(2024, 3, 4), 2, 100).ids())
        .containsExactly("2403.00004", "2403.00003");
    assertThat(Candidates.recent(library, LocalDate.of(2024, 3, 5), 7, 2).ids()).hasSize(2);
    assertThatThrownBy(() -> Candidates.recent(library, LocalDate.of(2024, 3, 5), 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void vectorsLoadInTheOrderAskedWithoutThePapersThatHaveNone() {
    PaperLibrary library = library();
    library
        .embeddings()
        .putAll(
            "m",
            Map.of("2403.00001", new float[] {1, 0}, "2403.00002", new float[] {0, 1}),
            Map.of());
    PaperVectors v =
        PaperVectors.load(
            library.embeddings(), "m", List.of("2403.00002", "2403.00005", "2403.00001"));
    assertThat(v.ids()).containsExactly("2403.00002", "2403.00001");
    assertThat(v.get("2403.00002")).containsExactly(0, 1);
    assertThat(v.dims()).isEqualTo(2);
  }
}
