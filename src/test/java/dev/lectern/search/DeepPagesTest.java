package dev.lectern.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.index.LuceneIndex;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages past the first hundred hits, on a library just imported (no paper embedded yet): hybrid
 * search must page as lexical search does, and no page may change the total or the facets.
 */
class DeepPagesTest {
  static final int PAPERS = 1_500;
  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService service;

  @BeforeAll
  static void build() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    Paper[] papers =
        IntStream.range(0, PAPERS)
            .mapToObj(
                i ->
                    TestLibrary.paper(
                        String.format("2401.%05d", i),
                        "Attention study number " + i + (i % 3 == 0 ? " with attention heads" : ""),
                        "We look at attention" + " again".repeat(i % 7) + ".",
                        List.of("Author " + i),
                        List.of(i % 2 == 0 ? "cs.LG" : "cs.CL"),
                        LocalDate.of(2024, 1, 1).plusDays(i % 300),
                        null))
            .toArray(Paper[]::new);
    TestLibrary.write(library, papers);
    index = LuceneIndex.open(dataDir.resolve("index"), library, "test-model");
    service = new SearchService(index, new FixedEmbedder("test-model", new float[] {1, 0, 0, 0}));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static SearchResult page(Mode mode, int offset) {
    return service.search(SearchRequest.of("attention").withMode(mode).page(offset, 10));
  }

  @Test
  void hybridPagesLikeLexicalBeforeAnyPaperHasAVector() {
    for (int offset : List.of(0, 90, 100, 200, 998, 1490)) {
      List<String> lexical = page(Mode.LEXICAL, offset).hits().stream().map(Hit::id).toList();
      SearchResult hybrid = page(Mode.HYBRID, offset);
      assertThat(lexical).as("lexical at offset " + offset).hasSize(10);
      assertThat(hybrid.hits().stream().map(Hit::id).toList())
          .as("hybrid at offset " + offset)
          .isEqualTo(lexical);
    }
  }

  @Test
  void theTotalAndFacetsDoNotDependOnThePage() {
    for (Mode mode : Mode.values()) {
      SearchResult first = page(mode, 0);
      for (int offset : List.of(100, 998)) {
        SearchResult deep = page(mode, offset);
        assertThat(deep.totalHits())
            .as(mode + " total at offset " + offset)
            .isEqualTo(first.totalHits());
        assertThat(deep.totalIsExact()).isEqualTo(first.totalIsExact());
        assertThat(deep.facets())
            .as(mode + " facets at offset " + offset)
            .isEqualTo(first.facets());
      }
    }
  }

  @Test
  void aCountAboveTheExactLimitIsALowerBoundOfThatLimit() {
    SearchResult r = page(Mode.LEXICAL, 0);
    assertThat(r.totalIsExact()).isFalse();
    assertThat(r.totalHits()).isEqualTo(SearchService.COUNT_EXACTLY_UP_TO);
  }
}
