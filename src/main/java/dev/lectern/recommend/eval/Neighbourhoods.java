package dev.lectern.recommend.eval;

import dev.lectern.recommend.PaperVectors;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's neighbourhood structure, for the variants that use it: each paper's nearest papers
 * by cosine (itself left out).
 */
final class Neighbourhoods {
  private final PaperVectors vectors;
  private final int[][] nearest;
  private final double[][] similarity;

  Neighbourhoods(PaperVectors vectors, int m) {
    this.vectors = vectors;
    int n = vectors.size();
    nearest = new int[n][];
    similarity = new double[n][];
    for (int i = 0; i < n; i++) {
      float[] a = vectors.get(vectors.ids().get(i));
      double[] sims = new double[n];
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
        sims[j] = j == i ? Double.NEGATIVE_INFINITY : dot(a, vectors.get(vectors.ids().get(j)));
      }
      Arrays.sort(order, (x, y) -> Double.compare(sims[y], sims[x]));
      int take = Math.min(m, n - 1);
      nearest[i] = new int[take];
      similarity[i] = new double[take];
      for (int r = 0; r < take; r++) {
        nearest[i][r] = order[r];
        similarity[i][r] = sims[order[r]];
      }
    }
  }

  /** CSLS's hubness term: each paper's mean cosine to its nearest papers. */
  Map<String, Double> hubness() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < nearest.length; i++)
      out.put(vectors.ids().get(i), Arrays.stream(similarity[i]).average().orElse(0));
    return out;
  }

  /** Each vector averaged with its nearest papers' (a graph convolution), unit length again. */
  PaperVectors smoothed() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < nearest.length; i++) {
      float[] own = vectors.get(vectors.ids().get(i));
      double[] sum = new double[own.length];
      for (int d = 0; d < own.length; d++) sum[d] = own[d];
      for (int j : nearest[i]) {
        float[] v = vectors.get(vectors.ids().get(j));
        for (int d = 0; d < own.length; d++) sum[d] += v[d];
      }
      double norm = 0;
      for (double s : sum) norm += s * s;
      float[] unit = new float[own.length];
      for (int d = 0; d < own.length; d++) unit[d] = (float) (sum[d] / Math.sqrt(norm));
      out.put(vectors.ids().get(i), unit);
    }
    return PaperVectors.of(out);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
