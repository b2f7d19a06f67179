package dev.lectern.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Averaging, skipping and the table, over a tiny hand-made relevance set. */
class RelevanceEvaluationTest {
  private static final RelevanceSet SET =
      new RelevanceSet(
          List.of(
              new EvalQuery("q1", "graphs"),
              new EvalQuery("q2", "speech"),
              new EvalQuery("q3", "nothing")),
          new Qrels(
              Map.of(
                  "q1", Map.of("graph paper", 2, "other graph paper", 1),
                  "q2", Map.of("speech paper", 1),
                  "q3", Map.of("unrelated", 0))),
          List.of());

  /**
   * Ranks by a fixed list per query text; titles are raw, not keys, to check they are normalized.
   */
  private static Retriever fixed(Map<String, List<String>> byQuery) {
    return (query, k) -> byQuery.getOrDefault(query, List.of());
  }

  @Test
  void averagesOverQueriesWithRelevantJudgmentsAndCountsTheOthers() {
    Retriever r =
        fixed(
            Map.of(
                "graphs", List.of("Graph Paper", "Other: Graph Paper"), // perfect
                "speech", List.of("Noise", "Speech Paper"))); // relevant at rank 2

    RelevanceEvaluation.ModeScores s = new RelevanceEvaluation(SET).evaluate("test", r);

    assertThat(s.skippedQueryIds()).containsExactly("q3");
    assertThat(s.evaluated()).isEqualTo(2);
    // q2: dcg = 1/log2(3), ideal = 1 -> 0.63093
    assertThat(s.perQuery().get(1).ndcg()).isCloseTo(0.630930, within(1e-6));
    assertThat(s.ndcg()).isCloseTo((1 + 0.630930) / 2, within(1e-6));
    assertThat(s.mrr()).isCloseTo((1 + 0.5) / 2, within(1e-12));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.perQuery().get(0))
        .extracting(
            RelevanceEvaluation.QueryScores::relevant, RelevanceEvaluation.QueryScores::retrieved)
        .containsExactly(2, 2);
  }

  @Test
  void resultsBeyondTheDeepestCutoffAreIgnored() {
    List<String> deep = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) deep.add("noise " + i);
    deep.add("speech paper");
    RelevanceEvaluation.ModeScores s =
        new RelevanceEvaluation(SET).evaluate("deep", fixed(Map.of("speech", deep)));

    assertThat(s.perQuery().get(1).retrieved()).isEqualTo(RelevanceEvaluation.DEPTH);
    assertThat(s.perQuery().get(1).recall()).isZero();
  }

  @Test
  void formatsAnAlignedRowPerModeAndNamesTheSkippedQueries() {
    Map<String, Retriever> modes = new LinkedHashMap<>();
    modes.put(
        "lexical",
        fixed(Map.of("graphs", List.of("graph paper"), "speech", List.of("speech paper"))));
    modes.put("semantic", fixed(Map.of()));

    String table = RelevanceEvaluation.format(new RelevanceEvaluation(SET).evaluateAll(modes));

    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("mode      queries  nDCG@10  MRR@10  Recall@100  ms/query");
    assertThat(lines.get(1))
        .matches("lexical\\s+2\\s+0\\.\\d{3}\\s+1\\.000\\s+0\\.750\\s+\\d+\\.\\d");
    assertThat(lines.get(2))
        .matches("semantic\\s+2\\s+0\\.000\\s+0\\.000\\s+0\\.000\\s+\\d+\\.\\d");
    assertThat(lines.get(1).length()).isEqualTo(lines.get(0).length());
    assertThat(lines.get(3)).isEqualTo("1 query without relevant judgments skipped: q3");
    assertThat(
            RelevanceEvaluation.formatPerQuery(new RelevanceEvaluation(SET).evaluateAll(modes))
                .lines())
        .hasSize(3)
        .element(1)
        .asString()
        .startsWith("q1")
        .endsWith("graphs");
  }

  @Test
  void aFailingModeNamesTheQuery() {
    Retriever broken =
        (query, k) -> {
          throw new IllegalStateException("index not open");
        };

    assertThatThrownBy(() -> new RelevanceEvaluation(SET).evaluate("hybrid", broken))
        .hasMessage("mode hybrid failed on query q1 ('graphs'): index not open");
  }

  @Test
  void aSetWithNoRelevantJudgmentAtAllIsRefused() {
    RelevanceSet none =
        new RelevanceSet(List.of(new EvalQuery("q1", "x")), new Qrels(Map.of()), List.of());
    assertThatThrownBy(() -> new RelevanceEvaluation(none))
        .hasMessageContaining("nothing can be evaluated");
  }
}
