package dev.lectern.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation scores whole rankings: the best, the worst and one in between. */
class RecsEvaluationTest {
  static final List<String> LIBRARY =
      List.of("r1", "r2", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11");
  static final SimulatedUser USER =
      new SimulatedUser(
          "t", UserSignals.saving(List.of("s")), new Candidates(LIBRARY), Set.of("r1", "r2"));

  /** Ranks the candidates by name, relevant ones first or last. */
  static Ranker ordered(boolean relevantFirst) {
    return (signals, candidates, limit) ->
        candidates.ids().stream()
            .sorted(Comparator.comparing((String id) -> id.startsWith("r") != relevantFirst))
            .limit(limit)
            .map(id -> new Recommendation(id, 0, 0, "", List.of()))
            .toList();
  }

  @Test
  void thePerfectRankingScoresOne() {
    var s = RecsEvaluation.score(ordered(true), USER);
    assertThat(s.ndcg()).isEqualTo(1.0);
    assertThat(s.precision()).isCloseTo(0.2, within(1e-12)); // 2 relevant papers in 10 places
    assertThat(s.mrr()).isEqualTo(1.0);
  }

  @Test
  void relevantPapersLastScoreNothingAt10ButMrrCountsTheWholeRanking() {
    var s = RecsEvaluation.score(ordered(false), USER);
    assertThat(s.ndcg()).isZero();
    assertThat(s.precision()).isZero();
    assertThat(s.mrr()).isCloseTo(1.0 / 12, within(1e-12));
  }

  @Test
  void rowsAverageOverUsersPerKInTheRankersOrder() {
    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("best", ordered(true));
    rankers.put("worst", ordered(false));
    var rows = RecsEvaluation.evaluate(rankers, Map.of(1, List.of(USER, USER)));
    assertThat(rows).extracting(RecsEvaluation.Row::method).containsExactly("best", "worst");
    assertThat(rows.getFirst().users()).isEqualTo(2);
    assertThat(rows.getFirst().ndcg()).isEqualTo(1.0);
    assertThat(RecsReport.table(rows)).contains("k = 1 (2 users)", "best", "1.000");
  }

  @Test
  void aPairedDifferenceIsTheMeanDifferenceWithItsStandardError() {
    // differences 0.1, 0.3, 0.2, 0.4: mean 0.25; squared deviations 0.0225 + 0.0025 + 0.0025 +
    // 0.0225 = 0.05; variance 0.05 / 3; standard error sqrt(0.05 / 3 / 4) = 0.0645497
    var d =
        RecsEvaluation.Difference.of(
            new double[] {0.6, 0.8, 0.7, 1.0}, new double[] {0.5, 0.5, 0.5, 0.6});
    assertThat(d.mean()).isCloseTo(0.25, within(1e-12));
    assertThat(d.se()).isCloseTo(0.0645497, within(1e-6));
    // the same shift for every user is known exactly, however much the users differ
    var shifted =
        RecsEvaluation.Difference.of(new double[] {0.9, 0.2, 0.5}, new double[] {0.8, 0.1, 0.4});
    assertThat(shifted.mean()).isCloseTo(0.1, within(1e-12));
    assertThat(shifted.se()).isCloseTo(0, within(1e-12));
    assertThat(RecsEvaluation.Difference.of(new double[] {1}, new double[] {0.5}).se()).isZero();
  }

  @Test
  void rowsCarryEachMethodsPairedDifferenceFromLectern() {
    SimulatedUser other =
        new SimulatedUser(
            "t", UserSignals.saving(List.of("s")), new Candidates(LIBRARY), Set.of("x11"));
    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("best", ordered(true));
    rankers.put(RecsEvaluation.REFERENCE, ordered(false));
    var rows = RecsEvaluation.evaluate(rankers, Map.of(1, List.of(USER, other)));
    // USER: best 1, lectern 0; other (x11 wanted): best ranks it 13th, lectern 11th
    double lecternOther = RecsEvaluation.score(ordered(false), other).ndcg();
    var best = rows.getFirst().paired();
    assertThat(best.against()).isEqualTo("lectern");
    assertThat(best.ndcg().mean()).isCloseTo((1 - lecternOther) / 2, within(1e-12));
    assertThat(best.ndcg().se()).isCloseTo((1 + lecternOther) / 2, within(1e-12));
    assertThat(rows.get(1).paired()).isNull();
    assertThat(RecsReport.table(rows)).contains("nDCG@10 - lectern's", "± ");
  }

  @Test
  void longMethodNamesKeepTheColumnsInLine() {
    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("best", ordered(true));
    rankers.put("a method whose name is longer than thirty characters", ordered(false));
    var table = RecsReport.table(RecsEvaluation.evaluate(rankers, Map.of(1, List.of(USER))));
    List<String> lines = table.lines().skip(1).toList(); // the header, then one line per method
    assertThat(lines).hasSize(3);
    // every line's nDCG@10 column ends at the same place
    assertThat(lines.get(1).indexOf("1.000") + 5).isEqualTo(lines.get(0).indexOf("nDCG@10") + 7);
    assertThat(lines.get(2).indexOf("0.000") + 5).isEqualTo(lines.get(0).indexOf("nDCG@10") + 7);
  }
}
