package dev.lectern.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How long retraining a user's models takes ({@code lectern bench recommend}): a user with {@code
 * saved} papers in {@code collections} collections and some dismissed ones, over a library of
 * synthetic unit vectors grouped in topics as embeddings are, timed after a warm-up.
 */
public final class RetrainBenchmark {
  /** The setting: library size, the user's papers, and how many timed and warm-up runs. */
  public record Setup(
      int library, int saved, int collections, int dismissed, int runs, int warmup, long seed) {}

  /** The timings in milliseconds and what the models were trained on. */
  public record Result(Setup setup, int interests, int rows, double[] millis) {
    public double percentile(double p) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    public String text() {
      return String.format(
          Locale.ROOT,
          "retrain: %,d saved papers, %d collections (%d interests, %,d training papers), %,d dismissed,"
              + " library of %,d%n  median %.1f ms, p90 %.1f ms, max %.1f ms over %d runs (after %d"
              + " warm-up runs)%n",
          setup.saved(),
          setup.collections(),
          interests,
          rows,
          setup.dismissed(),
          setup.library(),
          percentile(0.5),
          percentile(0.9),
          Arrays.stream(millis).max().orElse(0),
          setup.runs(),
          setup.warmup());
    }
  }

  private RetrainBenchmark() {}

  public static Result run(Setup setup, Recommender.Options options) {
    Random random = new Random(setup.seed());
    PaperVectors vectors = library(setup.library(), 384, 50, random);
    UserSignals signals = user(setup, vectors, random);
    Recommender recommender = new Recommender(vectors, options);
    UserModel model = null;
    for (int i = 0; i < setup.warmup(); i++) model = recommender.train(signals);
    double[] millis = new double[setup.runs()];
    for (int i = 0; i < setup.runs(); i++) {
      long start = System.nanoTime();
      model = recommender.train(signals);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    int rows = 0;
    for (var interest : model == null ? List.<UserModel.Interest>of() : model.interests())
      rows += interest.papers().size() + interest.negatives();
    return new Result(setup, model == null ? 0 : model.interests().size(), rows, millis);
  }

  /** Papers near one of {@code topics} random directions, as embeddings of related papers are. */
  static PaperVectors library(int size, int dims, int topics, Random random) {
    float[][] centers = new float[topics][];
    for (int t = 0; t < topics; t++) centers[t] = unit(gaussian(dims, random, null, 0));
    Map<String, float[]> byId = new LinkedHashMap<>();
    for (int i = 0; i < size; i++)
      byId.put("p" + i, unit(gaussian(dims, random, centers[i % topics], 0.6)));
    return PaperVectors.of(byId);
  }

  /** Collections of papers from one topic each; dismissed papers from other topics. */
  private static UserSignals user(Setup setup, PaperVectors vectors, Random random) {
    int topics = 50;
    int perCollection = setup.saved() / setup.collections();
    Map<String, List<String>> collections = new LinkedHashMap<>();
    List<String> saved = new ArrayList<>();
    Set<String> dismissed = new HashSet<>();
    for (int c = 0; c < setup.collections(); c++) {
      List<String> papers = new ArrayList<>();
      for (int i = 0; papers.size() < perCollection; i++) {
        int index = c + i * topics; // papers of topic c
        papers.add(vectors.ids().get(index % vectors.size()));
      }
      collections.put("collection " + c, papers);
      saved.addAll(papers);
    }
    // dismissed papers come from the topics no collection is about
    for (int i = 0; dismissed.size() < Math.min(setup.dismissed(), vectors.size() / 2); i++) {
      int topic = setup.collections() + i % (topics - setup.collections());
      dismissed.add(vectors.ids().get((topic + topics * (i / topics)) % vectors.size()));
    }
    return new UserSignals(saved, collections, dismissed, Set.of());
  }

  private static float[] gaussian(int dims, Random random, float[] center, double noise) {
    float[] v = new float[dims];
    for (int i = 0; i < dims; i++)
      v[i] =
          center == null
              ? (float) random.nextGaussian()
              : (float) (center[i] + noise / Math.sqrt(dims) * random.nextGaussian());
    return v;
  }

  private static float[] unit(float[] v) {
    double norm = Math.sqrt(PaperVectors.dot(v, v));
    for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
    return v;
  }
}
