package dev.lectern.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Test helper: a small library of hand-placed unit vectors, a few dimensions each. */
final class Vectors {
  private final Map<String, float[]> byId = new LinkedHashMap<>();
  private final Random random = new Random(1);

  /** A paper at this direction (normalized). */
  Vectors at(String id, double... direction) {
    byId.put(id, unit(direction));
    return this;
  }

  /** {@code count} papers named prefix0, prefix1, ... near this direction. */
  Vectors near(String prefix, int count, double... direction) {
    for (int i = 0; i < count; i++) {
      double[] d = direction.clone();
      for (int j = 0; j < d.length; j++) d[j] += 0.15 * random.nextGaussian();
      at(prefix + i, d);
    }
    return this;
  }

  PaperVectors build() {
    return PaperVectors.of(byId);
  }

  static float[] unit(double... v) {
    double norm = 0;
    for (double x : v) norm += x * x;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / Math.sqrt(norm));
    return out;
  }
}
