package dev.lectern.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a progress bar is told while the index catches up with the library or is rebuilt from it.
 */
class IndexProgressTest {
  @TempDir Path dataDir;

  /** Every call in order: "started N", "advanced N", "merging". */
  static final class Recorded implements IndexProgress {
    final List<String> calls = new ArrayList<>();

    @Override
    public void started(long total) {
      calls.add("started " + total);
    }

    @Override
    public void advanced(long done) {
      calls.add("advanced " + done);
    }

    @Override
    public void merging() {
      calls.add("merging");
    }
  }

  private static void writePapers(PaperLibrary library, int from, int count) {
    Paper[] papers =
        IntStream.range(from, from + count)
            .mapToObj(
                i ->
                    TestLibrary.paper(
                        String.format("2401.%05d", i),
                        "Paper number " + i,
                        "An abstract about topic " + (i % 7) + ".",
                        List.of("A. Author"),
                        List.of("cs.LG"),
                        null,
                        null))
            .toArray(Paper[]::new);
    TestLibrary.write(library, papers);
  }

  @Test
  void catchingUpCountsThePapersWrittenChunkByChunk() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    writePapers(library, 0, 2 * LibraryFollower.CHUNK + 500);
    Recorded opening = new Recorded();
    try (LuceneIndex index =
        LuceneIndex.open(
            dataDir.resolve("index"), library, "m", LuceneIndex.Residency.ON_DEMAND, opening)) {
      assertThat(opening.calls)
          .containsExactly("started 2500", "advanced 1000", "advanced 2000", "advanced 2500");

      writePapers(library, 5000, 10);
      Recorded later = new Recorded();
      index.sync(later);
      assertThat(later.calls)
          .as("only what changed since")
          .containsExactly("started 10", "advanced 10");

      Recorded nothing = new Recorded();
      index.sync(nothing);
      assertThat(nothing.calls).as("nothing to do, no bar").isEmpty();

      Recorded rebuild = new Recorded();
      index.rebuild(rebuild);
      assertThat(rebuild.calls)
          .containsExactly(
              "started 2510", "advanced 1000", "advanced 2000", "advanced 2510", "merging");
    }
  }

  @Test
  void reindexWithoutAnIndexWritesEveryPaperOnce() {
    Settings settings =
        Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString()));
    try (Lectern lectern = new Lectern(settings)) {
      writePapers(lectern.library(), 0, 1200);
      Recorded rebuild = new Recorded();
      var report = lectern.rebuildIndex(rebuild);
      // opening the missing index would build it, and the rebuild would write it all again
      assertThat(rebuild.calls)
          .containsExactly("started 1200", "advanced 1000", "advanced 1200", "merging");
      assertThat(report.indexed()).isEqualTo(1200);
      assertThat(lectern.index().size()).isEqualTo(1200);
    }
  }
}
