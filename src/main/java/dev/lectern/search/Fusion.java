package dev.lectern.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009): each item scores the sum over the rankings that contain it
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
}
