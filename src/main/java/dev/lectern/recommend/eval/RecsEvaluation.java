package dev.lectern.recommend.eval;

import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.search.eval.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline quality of rankers over simulated users: nDCG@10, precision@10 and MRR (the first
 * relevant paper's reciprocal rank in the whole ranking), averaged over the users.
 */
public final class RecsEvaluation {
  public static final int AT = 10;

  private RecsEvaluation() {}

  /** One ranker's mean figures over the users who saved {@code k} papers. */
  public record Row(String method, int k, int users, double ndcg, double precision, double mrr) {}

  /** One user's figures. */
  public record Scores(double ndcg, double precision, double mrr) {}

  /** Every ranker over every k's users, rows by k, then in the rankers' order. */
  public static List<Row> evaluate(
      Map<String, Ranker> rankers, Map<Integer, List<SimulatedUser>> usersByK) {
    List<Row> rows = new ArrayList<>();
    usersByK.forEach(
        (k, users) ->
            rankers.forEach(
                (name, ranker) -> {
                  double ndcg = 0, precision = 0, mrr = 0;
                  for (SimulatedUser user : users) {
                    Scores s = score(ranker, user);
                    ndcg += s.ndcg();
                    precision += s.precision();
                    mrr += s.mrr();
                  }
                  int n = Math.max(1, users.size());
                  rows.add(new Row(name, k, users.size(), ndcg / n, precision / n, mrr / n));
                }));
    return rows;
  }

  /** One user's figures for one ranker, over its whole ranking of the user's candidates. */
  public static Scores score(Ranker ranker, SimulatedUser user) {
    List<String> ranked =
        ranker.recommend(user.signals(), user.candidates(), user.candidates().ids().size()).stream()
            .map(Recommendation::paperId)
            .toList();
    Map<String, Integer> grades = new HashMap<>();
    user.relevant().forEach(id -> grades.put(id, 1));
    return new Scores(
        Metrics.ndcg(ranked, grades, AT),
        Metrics.precision(ranked, grades, AT),
        ranked.isEmpty() ? 0 : Metrics.reciprocalRank(ranked, grades, ranked.size()));
  }
}
