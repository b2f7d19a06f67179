package dev.lectern.testing;

import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.hf.HfPageSource;
import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: fills a library with hand-made papers or the shared sample pages. */
public final class TestLibrary {
  private TestLibrary() {}

  /** Writes papers in one committed batch, as an import would. */
  public static void write(PaperLibrary library, Paper... papers) {
    try (PaperWriter w = library.writer(0)) {
      for (Paper p : papers) w.write(p);
      w.commit(Map.of(), null);
    }
  }

  /**
   * Imports one saved Hugging Face page of the shared corpus (page-a/b/c.txt: 233 papers in all).
   */
  public static void importHfPage(PaperLibrary library, String name) {
    Path file = Path.of("..", "shared", "corpus", "hf-papers", name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "sample page "
              + file.toAbsolutePath().normalize()
              + " is missing: these "
              + "tests need the shared corpus checked out beside the project (../shared/corpus/hf-papers)");
    }
    new Importer(library, 1000, ImportProgress.QUIET).run(new HfPageSource(file));
  }

  /**
   * Imports an arXiv metadata snapshot file (JSON lines), as {@code lectern import arxiv-snapshot}
   * does.
   */
  public static void importSnapshot(PaperLibrary library, Path file) {
    new Importer(library, 1000, ImportProgress.QUIET)
        .run(new dev.lectern.ingest.arxiv.SnapshotSource(file));
  }

  /** A paper with the fields search cares about. */
  public static Paper paper(
      String id,
      String title,
      String abstractText,
      List<String> authors,
      List<String> categories,
      LocalDate submitted,
      Integer upvotes) {
    return new Paper(
        id,
        title,
        abstractText,
        authors,
        categories,
        submitted,
        null,
        1,
        null,
        null,
        null,
        null,
        upvotes,
        Set.of("test"));
  }
}
