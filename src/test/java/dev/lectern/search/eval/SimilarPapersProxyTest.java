package dev.lectern.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarPapersProxyTest {
  @Test
  void eachRelevantPaperScoresTheShareOfTheOtherRelevantPapersAmongItsSimilarOnes() {
    RelevanceSet set =
        new RelevanceSet(
            List.of(new EvalQuery("q1", "graphs"), new EvalQuery("q2", "proteins")),
            new Qrels(
                Map.of(
                    "q1", Map.of("alpha", 2, "beta", 1, "gamma", 1, "delta", 0, "missing", 2),
                    "q2", Map.of("epsilon", 2))), // one relevant paper: nothing to bring up
            List.of());
    Map<String, String> ids =
        Map.of("alpha", "1", "beta", "2", "gamma", "3", "delta", "4", "epsilon", "5");
    Map<String, List<String>> similar =
        Map.of(
            "1", List.of("Beta", "Delta"), // 1 of the 2 others ("missing" is not in the library)
            "2", List.of("Gamma", "Alpha"), // both
            "3", List.of("Delta")); // neither
    var score = SimilarPapersProxy.evaluate(set, ids, similar::get);
    assertThat(score.papers()).isEqualTo(3);
    assertThat(score.share()).isCloseTo((0.5 + 1 + 0) / 3, within(1e-12));
  }

  @Test
  void onlyTheTopTenCount() {
    RelevanceSet set =
        new RelevanceSet(
            List.of(new EvalQuery("q", "x")),
            new Qrels(Map.of("q", Map.of("a", 1, "b", 1))),
            List.of());
    List<String> elevenDeep = new ArrayList<>(Collections.nCopies(10, "other"));
    elevenDeep.add("B");
    var score =
        SimilarPapersProxy.evaluate(
            set, Map.of("a", "1", "b", "2"), id -> id.equals("1") ? elevenDeep : List.of("A"));
    assertThat(score.share()).isCloseTo(0.5, within(1e-12)); // a misses b at rank 11, b finds a
  }
}
