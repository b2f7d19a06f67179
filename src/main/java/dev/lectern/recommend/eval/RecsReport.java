package dev.lectern.recommend.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The evaluation's figures as a table for people. */
public final class RecsReport {
  private RecsReport() {}

  /**
   * One block per k: each method's nDCG@10, P@10 and MRR, and its nDCG@10 against the best other.
   */
  public static String table(List<RecsEvaluation.Row> rows) {
    Map<Integer, List<RecsEvaluation.Row>> byK = new TreeMap<>();
    for (var r : rows) byK.computeIfAbsent(r.k(), k -> new ArrayList<>()).add(r);
    StringBuilder out = new StringBuilder();
    byK.forEach(
        (k, block) -> {
          out.append(
              String.format(
                  Locale.ROOT,
                  "k = %d (%d users)%n  %-30s %8s %6s %6s%n",
                  k,
                  block.getFirst().users(),
                  "method",
                  "nDCG@10",
                  "P@10",
                  "MRR"));
          for (var r : block) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "  %-30s %8.3f %6.3f %6.3f%n",
                    r.method(),
                    r.ndcg(),
                    r.precision(),
                    r.mrr()));
          }
        });
    return out.toString();
  }
}
