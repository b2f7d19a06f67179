package dev.lectern.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metric maths against values worked out by hand (log2 2 = 1, log2 3 = 1.585, log2 4 = 2, log2
 * 6 = 2.585).
 */
class MetricsTest {
  // a highly relevant, b and c relevant, d judged not relevant; x unjudged
  private static final Map<String, Integer> GRADES = Map.of("a", 2, "b", 1, "c", 1, "d", 0);
  private static final List<String> RANKED = List.of("x", "a", "c", "d", "b");

  @Test
  void dcgUsesTheGradeAsGainWithALog2Discount() {
    // 0/1 + 2/log2(3) + 1/log2(4) + 0/log2(5) + 1/log2(6) = 1.26186 + 0.5 + 0.38685
    assertThat(Metrics.dcg(RANKED, GRADES, 10)).isCloseTo(2.148712, within(1e-6));
  }

  @Test
  void idealDcgRanksEveryJudgedPaperByGrade() {
    // 2/1 + 1/log2(3) + 1/2 + 0
    assertThat(Metrics.idealDcg(GRADES, 10)).isCloseTo(3.130930, within(1e-6));
    assertThat(Metrics.idealDcg(GRADES, 1)).isEqualTo(2.0);
  }

  @Test
  void ndcgIsDcgOverIdealDcgAtTheSameCutoff() {
    assertThat(Metrics.ndcg(RANKED, GRADES, 10))
        .isCloseTo(2.148712 / 3.130930, within(1e-6))
        .isCloseTo(0.686286, within(1e-6));
    // @3: (2/log2(3) + 1/2) / (2 + 1/log2(3) + 1/2)
    assertThat(Metrics.ndcg(RANKED, GRADES, 3)).isCloseTo(0.562727, within(1e-6));
    assertThat(Metrics.ndcg(List.of("a", "b", "c"), GRADES, 10)).isCloseTo(1.0, within(1e-12));
    assertThat(Metrics.ndcg(List.of("x", "d"), GRADES, 10)).isZero();
    assertThat(Metrics.ndcg(List.of(), GRADES, 10)).isZero();
  }

  @Test
  void aRepeatedPaperKeepsItsRankButEarnsNothingTheSecondTime() {
    // 2/1 + 0 + 1/log2(4)
    assertThat(Metrics.dcg(List.of("a", "a", "b"), GRADES, 10)).isCloseTo(2.5, within(1e-12));
    assertThat(Metrics.recall(List.of("a", "a", "a"), GRADES, 10))
        .isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void reciprocalRankOfTheFirstRelevantPaperWithinTheCutoff() {
    assertThat(Metrics.reciprocalRank(RANKED, GRADES, 10)).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(RANKED, GRADES, 1)).isZero();
    assertThat(Metrics.reciprocalRank(List.of("d", "x", "b"), GRADES, 10))
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(Metrics.reciprocalRank(List.of("d", "x"), GRADES, 10))
        .isZero(); // grade 0 is not relevant
  }

  @Test
  void recallIsTheShareOfRelevantPapersInTheTopK() {
    assertThat(Metrics.recall(RANKED, GRADES, 100)).isEqualTo(1.0);
    assertThat(Metrics.recall(RANKED, GRADES, 3)).isCloseTo(2.0 / 3, within(1e-12)); // a and c
    assertThat(Metrics.recall(List.of("d"), GRADES, 100)).isZero();
  }

  @Test
  void withoutRelevantJudgmentsNdcgAndRecallAreUndefined() {
    Map<String, Integer> none = Map.of("d", 0);
    assertThatThrownBy(() -> Metrics.ndcg(RANKED, none, 10)).hasMessageContaining("undefined");
    assertThatThrownBy(() -> Metrics.recall(RANKED, none, 10)).hasMessageContaining("undefined");
    assertThat(Metrics.relevantCount(none)).isZero();
    assertThat(Metrics.relevantCount(GRADES)).isEqualTo(3);
  }

  @Test
  void aCutoffBelowOneIsRejected() {
    assertThatThrownBy(() -> Metrics.dcg(RANKED, GRADES, 0)).hasMessageContaining("at least 1");
  }

  @Test
  void precisionIsTheShareOfTheTopKPlacesHeldByRelevantPapers() {
    // RANKED's top 4 hold a and c (grades 2 and 1), x and d (none); a repeat earns nothing
    assertThat(Metrics.precision(RANKED, GRADES, 4)).isEqualTo(0.5);
    assertThat(Metrics.precision(List.of("a", "a"), GRADES, 10)).isEqualTo(0.1);
  }
}
