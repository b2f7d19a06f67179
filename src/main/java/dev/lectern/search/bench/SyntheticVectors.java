package dev.lectern.search.bench;

import java.util.Locale;

/**
 * Deterministic stand-ins for paper embeddings, for benchmarks only: embedding a million abstracts
 * with the real model takes hours on a small CPU. Each vector is a sparse random projection of the
 * paper's hashed word counts (title and abstract): every word adds a signed, sublinearly weighted
 * contribution to {@link #NONZEROS} dimensions chosen by a seeded hash of the word. Papers sharing
 * words therefore get nearby vectors, so the HNSW graph has real neighbourhood structure (plain
 * random vectors would make every query equally far from everything, which is not how kNN behaves
 * on embeddings). They carry no meaning for a real query's vector: latency is representative,
 * relevance is not.
 */
public final class SyntheticVectors {
  static final int NONZEROS = 8;
  private static final long SEED = 0x1ec7e4L;

  private final int dims;

  public SyntheticVectors(int dims) {
    this.dims = dims;
  }

  /** The unit vector for a paper's text. */
  public float[] of(String title, String abstractText) {
    float[] v = new float[dims];
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    countWords(title, counts);
    countWords(title, counts); // title words weigh double, as they do for a reader
    countWords(abstractText, counts);
    counts.forEach((word, n) -> add(v, word, (float) (1 + Math.log(n))));
    if (counts.isEmpty()) add(v, title, 1); // never a zero vector: it cannot be normalized
    return normalize(v);
  }

  private static void countWords(String text, java.util.Map<String, Integer> counts) {
    if (text == null) return;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) counts.merge(w, 1, Integer::sum);
    }
  }

  private void add(float[] v, String word, float weight) {
    long h = mix(word.hashCode() ^ SEED);
    for (int i = 0; i < NONZEROS; i++) {
      h = mix(h + i);
      int dim = (int) Math.floorMod(h >>> 1, (long) dims);
      v[dim] += (h & 1) == 0 ? weight : -weight;
    }
  }

  /** SplitMix64's finalizer: a cheap, well-spread hash step. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) sum += x * x;
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) v[i] *= inv;
    return v;
  }
}
