package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fusion variants combine their parts' whole rankings with the parts' weights. */
class FusionTest {
  /** Scores the candidates it knows by a fixed table. */
  private static Ranker fixed(Map<String, Double> scores) {
    return (signals, candidates, limit) ->
        Rankings.top(signals, candidates, scores::containsKey, scores::get, limit);
  }

  private static final Candidates ALL = new Candidates(List.of("a", "b", "c", "saved"));
  private static final UserSignals USER = UserSignals.saving(List.of("saved"));

  @Test
  void zScoresLetALargeMarginOutweighARankOrder() {
    // the heavier part barely prefers a; the lighter one prefers b by far
    Ranker heavy = fixed(Map.of("a", 1.01, "b", 1.0, "c", 0.0));
    Ranker light = fixed(Map.of("a", 0.0, "b", 10.0, "c", 0.0));
    var parts = List.of(new Fusion.Part(heavy, 0.7), new Fusion.Part(light, 0.3));
    assertThat(
            new Fusion(Fusion.Mode.Z_SCORE, parts)
                .recommend(USER, ALL, 3).stream().map(Recommendation::paperId))
        .containsExactly("b", "a", "c");
    // by reciprocal rank the heavier part's order wins: a is first there, second in the other
    assertThat(
            new Fusion(Fusion.Mode.RECIPROCAL_RANK, parts)
                .recommend(USER, ALL, 3).stream().map(Recommendation::paperId))
        .containsExactly("a", "b", "c");
  }

  @Test
  void aPaperOnlyOnePartRanksStillCounts() {
    Ranker one = fixed(Map.of("a", 1.0, "b", 0.5));
    Ranker other = fixed(Map.of("c", 1.0));
    var out =
        new Fusion(
                Fusion.Mode.RECIPROCAL_RANK,
                List.of(new Fusion.Part(one, 0.5), new Fusion.Part(other, 0.5)))
            .recommend(USER, ALL, 5);
    assertThat(out).extracting(Recommendation::paperId).containsExactlyInAnyOrder("a", "b", "c");
  }
}
