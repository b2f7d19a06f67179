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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic search with synthetic vectors: 1,500 papers, 8 of them in a rare category and far from
 * the query. Post-filtering the top 100 neighbours would find none of them; a filtered kNN finds
 * all.
 */
class FilteredKnnTest {
  static final String MODEL = "synthetic";
  static final int PAPERS = 1500;
  static final int RARE = 8;

  @TempDir static Path dataDir;
  static LuceneIndex index;
  static SearchService service;
  static float[] query;

  @BeforeAll
  static void build() {
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dataDir));
    Random random = new Random(42);
    query = unit(random, null, 0);
    List<Paper> papers = new ArrayList<>();
    Map<String, float[]> vectors = new HashMap<>();
    for (int i = 0; i < PAPERS; i++) {
      String id = String.format("2401.%05d", i);
      boolean rare = i < RARE;
      papers.add(
          TestLibrary.paper(
              id,
              "Paper number " + i,
              "An abstract about topic " + (i % 17) + ".",
              List.of("Author " + i),
              List.of(rare ? "math.RARE" : "cs.LG"),
              LocalDate.of(2024, 1, 1 + i % 28),
              null));
      // common papers lie near the query, rare ones are random (far)
      vectors.put(id, rare ? unit(random, null, 0) : unit(random, query, 3));
    }
    TestLibrary.write(library, papers.toArray(Paper[]::new));
    library.embeddings().putAll(MODEL, vectors, Map.of());
    index = LuceneIndex.open(dataDir.resolve("index"), library, MODEL);
    service = new SearchService(index, new FixedEmbedder(MODEL, query));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void aSelectiveFilterStillFillsThePage() {
    var r =
        service.search(
            SearchRequest.of("anything at all cat:math.RARE").withMode(Mode.SEMANTIC).page(0, 20));
    assertThat(r.modeUsed()).isEqualTo(Mode.SEMANTIC);
    assertThat(r.hits()).hasSize(RARE).allMatch(h -> h.categories().contains("math.RARE"));
  }

  @Test
  void unfilteredSemanticSearchReturnsTheNearestAndCountsTheCandidates() {
    var r = service.search(SearchRequest.of("anything").withMode(Mode.SEMANTIC).page(0, 10));
    assertThat(r.hits()).hasSize(10).noneMatch(h -> h.categories().contains("math.RARE"));
    assertThat(r.totalHits()).isEqualTo(SearchService.FUSION_DEPTH);
    assertThat(r.totalIsExact()).as("by meaning, more papers match than the candidates").isFalse();
    assertThat(r.hits()).extracting(Hit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void hybridFusesBothRankingsAndPagesThroughThem() {
    var first = service.search(SearchRequest.of("number 7").page(0, 10));
    var second = service.search(SearchRequest.of("number 7").page(10, 10));
    assertThat(first.modeUsed()).isEqualTo(Mode.HYBRID);
    assertThat(first.totalIsExact()).as("a lower bound, growing with the page asked for").isFalse();
    assertThat(first.hits()).hasSize(10);
    assertThat(first.hits())
        .extracting(Hit::id)
        .doesNotContainAnyElementsOf(second.hits().stream().map(Hit::id).toList());
    // fused scores are weighted sums of scores scaled to [0, 1], best first
    assertThat(first.hits())
        .extracting(Hit::score)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .allMatch(score -> score >= 0 && score <= 1);
    // words lift papers near by meaning that also match them ("topic 7" abstracts) onto the first
    // page;
    // semantic ranking alone would not prefer them (their vectors are as near as any other's)
    assertThat(first.hits()).anyMatch(h -> Integer.parseInt(h.id().substring(5)) % 17 == 7);
  }

  /** A random unit vector, or (with a centre) one whose components stay close to the centre's. */
  static float[] unit(Random r, float[] centre, double pull) {
    float[] v = new float[384];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] =
          (float)
              (r.nextGaussian() + (centre == null ? 0 : pull * centre[i] * Math.sqrt(v.length)));
      sum += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(sum);
    return v;
  }
}
