package dev.lectern.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.PaperSource;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.store.Database;
import dev.lectern.store.ImportCounts;
import dev.lectern.store.PaperLibrary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hugging Face sources through the real importer into a library on disk. */
class HfImportTest {
  private static final String RETRIEVAL_HEAD =
      "Retrieval Head Mechanistically Explains Long-Context Factuality";
  private static final List<String> PAGES = List.of("page-a.txt", "page-b.txt", "page-c.txt");

  @TempDir Path dataDir;
  private PaperLibrary library;

  @BeforeEach
  void openLibrary() {
    library = new PaperLibrary(Database.openEmbedded(dataDir));
  }

  private ImportCounts importAll(List<? extends PaperSource> sources) {
    ImportCounts total = ImportCounts.ZERO;
    for (PaperSource source : sources) {
      ImportSummary summary = new Importer(library, 50, ImportProgress.QUIET).run(source);
      assertThat(summary.status()).isEqualTo("completed");
      total = total.plus(summary.counts());
    }
    return total;
  }

  private static List<HfPageSource> pages() {
    return PAGES.stream().map(p -> new HfPageSource(SampleFiles.page(p))).toList();
  }

  private static HfApiFileSource day() {
    return new HfApiFileSource(SampleFiles.fixture("daily-2024-03-13.json"));
  }

  @Test
  void theThreeSamplePagesMake233PapersAndAPaperOnSeveralPagesIsOne() {
    ImportCounts counts = importAll(pages());

    assertThat(library.count()).isEqualTo(233);
    assertThat(counts).isEqualTo(new ImportCounts(251, 233, 0, 18, 0));
  }

  @Test
  void importingThePagesAgainChangesNothing() {
    importAll(pages());

    ImportCounts again = importAll(pages());

    assertThat(again).isEqualTo(new ImportCounts(251, 0, 0, 251, 0));
    assertThat(library.count()).isEqualTo(233);
  }

  @Test
  void anApiItemAndThePageSightingOfTheSamePaperAreOnePaperUnderItsArxivId() {
    importAll(List.of(new HfPageSource(SampleFiles.page("page-a.txt"))));
    assertThat(library.count()).isEqualTo(67);

    importAll(List.of(day()));

    // Retrieval Head and Hydra are on page-a; Gemma and Strip-MLP are new to the library.
    assertThat(library.count()).isEqualTo(69);
    Paper merged = library.get("2404.15574").orElseThrow();
    assertThat(merged.title()).isEqualTo(RETRIEVAL_HEAD);
    assertThat(merged.sources()).containsExactly("hf-api", "hf-page");
    assertThat(merged.upvotes()).isEqualTo(8);
    assertThat(merged.authors()).hasSize(5);
    assertThat(library.get(PaperIds.fromTitle(RETRIEVAL_HEAD))).contains(merged);
  }

  @Test
  void thePageAfterTheApiJoinsThePapersTheApiBroughtIn() {
    ImportCounts api = importAll(List.of(day()));
    assertThat(api).isEqualTo(new ImportCounts(6, 4, 0, 0, 2));

    importAll(
        List.of(
            new HfPageSource(SampleFiles.page("page-a.txt")),
            new HfPageSource(SampleFiles.page("page-b.txt"))));

    // page-a and page-b hold 67 + 66 - 7 = 126 distinct papers; of the API's four, only Gemma is
    // not on them.
    assertThat(library.count()).isEqualTo(126 + 1);
    Paper strip =
        library
            .get(PaperIds.fromTitle("Strip-MLP: Efficient Token Interaction for Vision MLP"))
            .orElseThrow();
    assertThat(strip.sources()).containsExactly("hf-api", "hf-page");
    assertThat(strip.upvotes()).isEqualTo(2);
    assertThat(library.get("2402.05109").orElseThrow().sources())
        .containsExactly("hf-api", "hf-page");
  }

  @Test
  void reimportingTheApiResponseChangesNothing() {
    importAll(List.of(day()));

    assertThat(importAll(List.of(day()))).isEqualTo(new ImportCounts(6, 0, 0, 4, 2));
    assertThat(library.count()).isEqualTo(4);
  }
}
