package dev.lectern.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to fuse rankings. Hybrid search uses the convex combination, similar papers a weighted RRF.
 *
 * <p>Reciprocal rank fusion (Cormack et al. 2009): each item scores the sum over the rankings that
 * contain it of {@code 1 / (k + rank)}, rank from 1. It needs no score calibration between BM25 and
 * cosine similarity, which live on unrelated scales, and k = 60 damps the influence of the very top
 * ranks.
 */
public final class Fusion {
  public static final int DEFAULT_K = 60;

  private Fusion() {}

  public record Fused<T>(T item, double score) {}

  /** The items of all rankings, best fused score first; ties keep the order of first appearance. */
  public static <T> List<Fused<T>> rrf(List<? extends List<T>> rankings, int k) {
    double[] equal = new double[rankings.size()];
    Arrays.fill(equal, 1);
    return rrf(rankings, equal, k);
  }

  /**
   * The same with each ranking's terms multiplied by its weight ({@code weights[i]} for ranking i).
   */
  public static <T> List<Fused<T>> rrf(List<? extends List<T>> rankings, double[] weights, int k) {
    if (weights.length != rankings.size()) {
      throw new IllegalArgumentException(
          rankings.size() + " rankings but " + weights.length + " weights");
    }
    Map<T, Double> scores = new LinkedHashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      List<T> ranking = rankings.get(r);
      for (int i = 0; i < ranking.size(); i++)
        scores.merge(ranking.get(i), weights[r] / (k + i + 1), Double::sum);
    }
    List<Fused<T>> out = new ArrayList<>(scores.size());
    scores.forEach((item, score) -> out.add(new Fused<>(item, score)));
    out.sort(
        Comparator.comparingDouble((Fused<T> f) -> f.score())
            .reversed()); // stable: ties keep order
    return out;
  }

  /**
   * How a ranking's raw scores are brought onto a common scale before they are combined. All three
   * are affine maps of the scores (DBSF clipped), so each keeps its ranking's order and the gaps
   * between its scores, which is what a convex combination adds to RRF; they differ in what sets
   * the scale. NaN (a score that does not exist) stays NaN and is left out of the statistics.
   */
  public enum Normalization {
    /**
     * {@code (s - min) / (max - min)}, onto [0, 1]. Bounded: a ranking never contributes more than
     * its weight, however far its best score stands out. The scale hangs on the two extreme scores,
     * which is sound only when both rankings are scored over the same items (see {@link #convex}).
     */
    MIN_MAX,
    /**
     * {@code (s - mean) / sd}: standard deviations above the items' average. The scale uses every
     * score, but is unbounded: BM25's long upper tail then gives a ranking's outliers more than its
     * weight.
     */
    Z_SCORE,
    /**
     * Distribution-based score fusion (as in Qdrant's DBSF): {@code mean ± 3 sd} onto [0, 1],
     * clipped beyond. The z-score made bounded, at the price of treating every score beyond 3 sd
     * alike.
     */
    DBSF;

    /**
     * The normalized scores. When every score is equal there is nothing to tell apart: all get the
     * middle.
     */
    public double[] apply(float[] raw) {
      double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
      int n = 0;
      for (float f : raw) {
        if (Float.isNaN(f)) continue;
        min = Math.min(min, f);
        max = Math.max(max, f);
        sum += f;
        n++;
      }
      double mean = n == 0 ? 0 : sum / n, squares = 0;
      for (float f : raw) if (!Float.isNaN(f)) squares += (f - mean) * (f - mean);
      double sd = n == 0 ? 0 : Math.sqrt(squares / n);
      double[] out = new double[raw.length];
      for (int i = 0; i < raw.length; i++) {
        double s = raw[i];
        out[i] =
            Double.isNaN(s)
                ? Double.NaN
                : switch (this) {
                  case MIN_MAX -> max > min ? (s - min) / (max - min) : 0.5;
                  case Z_SCORE -> sd > 0 ? (s - mean) / sd : 0;
                  case DBSF -> sd > 0 ? Math.clamp((s - mean + 3 * sd) / (6 * sd), 0.0, 1.0) : 0.5;
                };
      }
      return out;
    }
  }

  /**
   * Convex combination of normalized scores (Bruch, Gai and Ingber 2023 found it beats RRF once the
   * weight is set; it keeps how far apart two results are, which RRF's ranks throw away): {@code
   * weight * first + (1 - weight) * second}, each list normalized on its own.
   *
   * <p>The two lists are complete: {@code first[i]} and {@code second[i]} both score {@code
   * items.get(i)}, each ranking having scored every item (see {@link CandidateScores}). Fusing two
   * top lists instead, an item missing from one would need a made-up score there (0, or the list's
   * minimum), and each list would be normalized over a different set of items. An item one ranking
   * cannot score at all (NaN: a paper not embedded yet has no similarity) is judged by the other
   * alone, at full weight: an unknown is not a zero.
   */
  public static <T> List<Fused<T>> convex(
      List<T> items, float[] first, float[] second, double weight, Normalization normalization) {
    if (first.length != items.size() || second.length != items.size()) {
      throw new IllegalArgumentException("each item needs a score in both lists");
    }
    double[] a = normalization.apply(first), b = normalization.apply(second);
    List<Fused<T>> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (Double.isNaN(a[i]) && Double.isNaN(b[i]))
        throw new IllegalArgumentException("item " + i + " has no score");
      double score =
          Double.isNaN(a[i])
              ? b[i]
              : Double.isNaN(b[i]) ? a[i] : weight * a[i] + (1 - weight) * b[i];
      out.add(new Fused<>(items.get(i), score));
    }
    out.sort(
        Comparator.comparingDouble((Fused<T> f) -> f.score())
            .reversed()); // stable: ties keep order
    return out;
  }
}
