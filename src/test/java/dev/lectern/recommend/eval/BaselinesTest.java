package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The baselines do what their originals do, on hand-made papers. */
class BaselinesTest {
  @Test
  void zoteroWeighsNewerSavesMoreAndNormalizes() {
    double[] w = ZoteroArxivDaily.weights(3);
    double one = 1, two = 1 / (1 + Math.log10(2)), three = 1 / (1 + Math.log10(3));
    double sum = one + two + three;
    assertThat(w).containsExactly(new double[] {one / sum, two / sum, three / sum}, within(1e-12));
    assertThat(w).containsExactly(new double[] {0.40890, 0.31429, 0.27682}, within(1e-5));
  }

  @Test
  void zoteroRanksByTheWeightedMeanSimilarity() {
    // c1 is the newest save's twin, c2 the older one's: the newer weighs more
    PaperVectors v =
        PaperVectors.of(
            Map.of(
                "new", new float[] {1, 0},
                "old", new float[] {0, 1},
                "c1", new float[] {1, 0},
                "c2", new float[] {0, 1}));
    var out =
        new ZoteroArxivDaily(v)
            .recommend(
                UserSignals.saving(List.of("new", "old")),
                new Candidates(List.of("c2", "c1", "new")),
                5);
    assertThat(out).extracting(Recommendation::paperId).containsExactly("c1", "c2");
    assertThat(out.getFirst().score()).isCloseTo(1 / (1 + 1 / (1 + Math.log10(2))), within(1e-6));
  }

  @Test
  void popularityPutsTheMostUpvotedFirstAndShufflesTies() {
    var ranker = new PopularityRanker(Map.of("p1", 5, "p2", 50), 1);
    var out =
        ranker.recommend(
            UserSignals.saving(List.of()), new Candidates(List.of("p1", "x", "p2", "y", "z")), 5);
    assertThat(out).extracting(Recommendation::paperId).startsWith("p2", "p1").hasSize(5);
  }

  @Test
  void arxivSanityLiteTrainsATagPerCollectionAndTakesTheBest() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      texts.put("q" + i, "quantum error correction codes with surface lattices " + i);
      texts.put("g" + i, "graph neural networks for molecules and message passing " + i);
      texts.put("o" + i, "ocean temperature records from buoys and satellites " + i);
    }
    Tfidf tfidf = Tfidf.fit(List.copyOf(texts.values()), new Tfidf.Options(20_000, 1, 0.5, true));
    var asl = new ArxivSanityLite(ArxivSanityLite.vectorize(texts, tfidf), tfidf.features());
    var signals =
        new UserSignals(
            List.of("q0", "q1", "g0"),
            Map.of("quantum", List.of("q0", "q1"), "graphs", List.of("g0")),
            Set.of(),
            Set.of());
    assertThat(ArxivSanityLite.tags(signals)).hasSize(2);
    List<String> top =
        asl.recommend(signals, new Candidates(List.copyOf(texts.keySet())), 8).stream()
            .map(Recommendation::paperId)
            .toList();
    // both tags' papers before any ocean paper, the saved ones left out
    assertThat(top).doesNotContain("q0", "q1", "g0").noneMatch(id -> id.startsWith("o"));
    assertThat(top).anyMatch(id -> id.startsWith("g")).anyMatch(id -> id.startsWith("q"));
  }

  @Test
  void arxivSanityLiteTagsAreCollectionsAndTheRestOfTheSavedPapers() {
    var signals =
        new UserSignals(List.of("a", "b", "c"), Map.of("x", List.of("a")), Set.of(), Set.of());
    assertThat(ArxivSanityLite.tags(signals)).containsExactly(Set.of("a"), Set.of("b", "c"));
    assertThat(ArxivSanityLite.tags(UserSignals.saving(List.of("a")))).containsExactly(Set.of("a"));
  }

  @Test
  void arxivSanityLiteReadsTitleAbstractAndAuthors() {
    assertThat(ArxivSanityLite.text("T", "A b.", List.of("Ada Lovelace", "Alan Turing")))
        .isEqualTo("T A b. Ada Lovelace Alan Turing");
  }
}
