package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The positive-unlabelled variants of eval-recs, on two hand-made topics. */
class PuRecsVariantsTest {
  /** 8 papers near one direction (a0..a7), 40 near another (b0..b39), unit length. */
  private static PaperVectors twoTopics() {
    Map<String, float[]> v = new LinkedHashMap<>();
    Random random = new Random(3);
    for (int i = 0; i < 48; i++) {
      float[] x = new float[8];
      x[i < 8 ? 0 : 1] = 1;
      double norm = 0;
      for (int d = 0; d < x.length; d++) {
        x[d] += (float) (0.3 * random.nextGaussian());
        norm += x[d] * x[d];
      }
      for (int d = 0; d < x.length; d++) x[d] = (float) (x[d] / Math.sqrt(norm));
      v.put(i < 8 ? "a" + i : "b" + (i - 8), x);
    }
    return PaperVectors.of(v);
  }

  private static final UserSignals SAVED = UserSignals.saving(List.of("a0", "a1"));

  @Test
  void baggingRanksTheSavedTopicFirstAndIsSeeded() {
    PaperVectors v = twoTopics();
    Recommender.Options d = Recommender.Options.defaults();
    var out =
        new BaggingPu(v, d.model(), 10, 2, 20, 42).recommend(SAVED, new Candidates(v.ids()), 6);
    assertThat(out)
        .extracting(Recommendation::paperId)
        .containsExactlyInAnyOrderElementsOf(List.of("a2", "a3", "a4", "a5", "a6", "a7"));
    assertThat(
            new BaggingPu(v, d.model(), 10, 2, 20, 42).recommend(SAVED, new Candidates(v.ids()), 6))
        .isEqualTo(out);
  }

  @Test
  void baggingScoresEachPaperOnlyInRoundsThatLeftItOut() {
    PaperVectors v = twoTopics();
    List<String> unlabelled = new ArrayList<>(v.ids());
    unlabelled.removeAll(List.of("a0", "a1"));
    var sums =
        new BaggingPu(v, Recommender.Options.defaults().model(), 10, 2, 20, 42)
            .scores(List.of("a0", "a1"), unlabelled);
    // each round draws 20 of the 46 and scores the other 26
    double outOfBag = sums.values().stream().mapToDouble(s -> s[1]).sum();
    assertThat(outOfBag).isEqualTo(10.0 * (46 - 20));
    assertThat(sums.values()).allSatisfy(s -> assertThat(s[1]).isBetween(0.0, 10.0));
  }

  @Test
  void unlabelledWeighedAsBalancedIsLecternsModel() {
    PaperVectors v = twoTopics();
    Recommender.Options d = Recommender.Options.defaults();
    Candidates all = new Candidates(v.ids());
    var lectern = new Recommender(v, d).recommend(SAVED, all, 46);
    var same = new DownweightedUnlabelled(v, d, 1).recommend(SAVED, all, 46);
    assertThat(same)
        .extracting(Recommendation::paperId)
        .isEqualTo(lectern.stream().map(Recommendation::paperId).toList());
    for (int i = 0; i < same.size(); i++)
      assertThat(same.get(i).decision()).isCloseTo(lectern.get(i).decision(), within(1e-9));
    // a lighter negative class moves the boundary towards the negatives: higher scores
    var half = new DownweightedUnlabelled(v, d, 0.5).recommend(SAVED, all, 1);
    assertThat(half.getFirst().decision()).isGreaterThan(same.getFirst().decision());
  }
}
