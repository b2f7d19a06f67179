package dev.lectern.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking metrics over one query: a ranked list of document keys against graded judgments (key ->
 * grade; unjudged keys have grade 0). A key ranked twice counts at its first rank only, so
 * repeating a relevant paper earns nothing.
 *
 * <p>nDCG uses the grade itself as the gain ({@code gain = grade}, discount {@code 1/log2(rank +
 * 1)}), as trec_eval's {@code ndcg} does, rather than {@code 2^grade - 1}: with grades 1 and 2 the
 * two differ only in how much more a highly relevant paper counts (2x vs 3x). The ideal ranking is
 * every judged paper of the query by grade.
 */
public final class Metrics {
  private Metrics() {}

  /** Papers judged relevant: grade 1 or more. */
  public static int relevantCount(Map<String, Integer> grades) {
    int n = 0;
    for (int g : grades.values()) if (g >= 1) n++;
    return n;
  }

  /** nDCG@k; the query must have a relevant judgment (otherwise it is undefined). */
  public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double ideal = idealDcg(grades, k);
    if (ideal == 0)
      throw new IllegalArgumentException("nDCG is undefined for a query without relevant papers");
    return dcg(ranked, grades, k) / ideal;
  }

  /** DCG@k: sum over the top k of grade / log2(rank + 1), rank from 1. */
  public static double dcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double sum = 0;
    List<String> top = firstOccurrences(ranked, k);
    for (int i = 0; i < top.size(); i++) {
      String key = top.get(i);
      if (key != null) sum += grades.getOrDefault(key, 0) / log2(i + 2);
    }
    return sum;
  }

  /** The DCG@k of the best possible ranking: the judged papers by descending grade. */
  public static double idealDcg(Map<String, Integer> grades, int k) {
    List<Integer> best = new ArrayList<>(grades.values());
    best.sort(Comparator.reverseOrder());
    double sum = 0;
    for (int i = 0; i < Math.min(k, best.size()); i++) sum += best.get(i) / log2(i + 2);
    return sum;
  }

  /** 1 / rank of the first paper with grade 1 or more in the top k; 0 when there is none. */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> grades, int k) {
    List<String> top = firstOccurrences(ranked, k);
    for (int i = 0; i < top.size(); i++) {
      if (top.get(i) != null && grades.getOrDefault(top.get(i), 0) >= 1) return 1.0 / (i + 1);
    }
    return 0;
  }

  /** The share of the top k ranks (k of them, however few were ranked) held by relevant papers. */
  public static double precision(List<String> ranked, Map<String, Integer> grades, int k) {
    int found = 0;
    for (String key : firstOccurrences(ranked, k)) {
      if (key != null && grades.getOrDefault(key, 0) >= 1) found++;
    }
    return (double) found / k;
  }

  /**
   * The fraction of relevant papers (grade 1 or more) found in the top k; the query must have one.
   */
  public static double recall(List<String> ranked, Map<String, Integer> grades, int k) {
    int relevant = relevantCount(grades);
    if (relevant == 0)
      throw new IllegalArgumentException("recall is undefined for a query without relevant papers");
    int found = 0;
    for (String key : firstOccurrences(ranked, k)) {
      if (key != null && grades.getOrDefault(key, 0) >= 1) found++;
    }
    return (double) found / relevant;
  }

  /**
   * The top k ranks, with a repeated key replaced by null so it keeps its rank but earns nothing.
   */
  private static List<String> firstOccurrences(List<String> ranked, int k) {
    if (k < 1) throw new IllegalArgumentException("the cutoff k must be at least 1, got " + k);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>(Math.min(k, ranked.size()));
    for (String key : ranked.subList(0, Math.min(k, ranked.size())))
      out.add(seen.add(key) ? key : null);
    return out;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
