package dev.lectern.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.Map;

/**
 * Ways to fuse rankings. Hybrid search uses the convex combination, similar papers use RRF.
 *
 * <p>Reciprocal rank fusion (Cormack et al. 2009): each item scores the sum over the rankings that contain it
 * of {@code 1 / (k + rank)}, rank from 1. It needs no score calibration between BM25 and cosine similarity,
 * which live on unrelated scales, and k = 60 damps the influence of the very top ranks.
 */
public final class Fusion {
  public static final int DEFAULT_K = 60;

  private Fusion() {}

  public record Fused<T>(T item, double score) {}

  /** The items of all rankings, best fused score first; ties keep the order of first appearance. */
  public static <T> List<Fused<T>> rrf(List<? extends List<T>> rankings, int k) {
    Map<T, Double> scores = new LinkedHashMap<>();
    for (List<T> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
    }
    List<Fused<T>> out = new ArrayList<>(scores.size());
    scores.forEach((item, score) -> out.add(new Fused<>(item, score)));
    out.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed()); // stable: ties keep order
    return out;
  }

  /**
   * Convex combination of normalized scores (Bruch, Gai and Ingber 2023 found it beats RRF once the weight
   * is set; it keeps how far apart two results are, which RRF's ranks throw away): each ranking's scores are min-max scaled to [0, 1] within its
   * own top list, then {@code weight * first + (1 - weight) * second}; an item absent from a list gets 0 there.
   */
  public static <T> List<Fused<T>> convex(List<T> firstItems, float[] firstScores, List<T> secondItems,
                                         float[] secondScores, double weight) {
    return convex(firstItems, firstScores, secondItems, secondScores, weight, item -> false);
  }

  /**
   * As above, but an item of the second list that the first ranking could not score at all ({@code
   * unscorableByFirst}: a paper not embedded yet) is judged by the second ranking alone, at full weight:
   * an unknown is not a zero.
   */
  public static <T> List<Fused<T>> convex(List<T> firstItems, float[] firstScores, List<T> secondItems,
                                         float[] secondScores, double weight, Predicate<T> unscorableByFirst) {
    Map<T, Double> scores = new LinkedHashMap<>();
    addScaled(scores, firstItems, firstScores, item -> weight);
    Set<T> inFirst = new HashSet<>(firstItems);
    addScaled(scores, secondItems, secondScores,
        item -> !inFirst.contains(item) && unscorableByFirst.test(item) ? 1.0 : 1 - weight);
    List<Fused<T>> out = new ArrayList<>(scores.size());
    scores.forEach((item, score) -> out.add(new Fused<>(item, score)));
    out.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
    return out;
  }

  private static <T> void addScaled(Map<T, Double> scores, List<T> items, float[] raw,
                                    ToDoubleFunction<T> weight) {
    if (items.isEmpty()) return;
    float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
    for (float f : raw) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    double range = max - min;
    for (int i = 0; i < items.size(); i++) {
      double scaled = range > 0 ? (raw[i] - min) / range : 1.0;
      scores.merge(items.get(i), weight.applyAsDouble(items.get(i)) * scaled, Double::sum);
    }
  }
}
