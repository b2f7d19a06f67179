package dev.lectern.testing;

import java.util.Random;

/** Random unit vectors (Gaussian directions), for tests of vector search. */
public final class RandomVectors {
  private RandomVectors() {}

  public static float[] unit(Random random, int dimensions) {
    float[] v = new float[dimensions];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      sum += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(sum);
    return v;
  }
}
