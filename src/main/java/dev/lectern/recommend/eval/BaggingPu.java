package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bagging positive-unlabelled learning (Mordelet and Vert, 2014): each of {@code rounds} rounds
 * trains Lectern's model on every saved paper against a random subsample of the unlabelled papers
 * (every other paper of the library) and scores the unlabelled papers left out of it; a candidate's
 * score is its mean out-of-bag score. A hidden positive drawn as a "negative" spoils only the
 * rounds that drew it, and is never scored by them.
 */
final class BaggingPu implements Ranker {
  private final PaperVectors vectors;
  private final LinearModel.Settings settings;
  private final int rounds;
  private final int perPositive;
  private final int minSample;
  private final long seed;

  /**
   * @param perPositive unlabelled papers drawn per saved paper each round, at least {@code
   *     minSample}
   */
  BaggingPu(
      PaperVectors vectors,
      LinearModel.Settings settings,
      int rounds,
      int perPositive,
      int minSample,
      long seed) {
    this.vectors = vectors;
    this.settings = settings;
    this.rounds = rounds;
    this.perPositive = perPositive;
    this.minSample = minSample;
    this.seed = seed;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<String> positives = signals.allSaved().stream().distinct().filter(vectors::has).toList();
    Set<String> saved = new HashSet<>(positives);
    List<String> unlabelled = new ArrayList<>();
    for (String id : vectors.ids()) if (!saved.contains(id)) unlabelled.add(id);
    if (positives.isEmpty() || unlabelled.isEmpty()) return List.of();
    Map<String, double[]> sums = scores(positives, unlabelled);
    return Rankings.top(
        signals,
        candidates,
        vectors::has,
        id -> {
          double[] s = sums.get(id);
          if (s == null) return Double.NEGATIVE_INFINITY;
          return s[1] > 0 ? s[0] / s[1] : s[2] / rounds;
        },
        limit);
  }

  /**
   * Per unlabelled paper: the sum of its out-of-bag scores, how many rounds gave one, and the sum
   * of all its scores (for a paper drawn in every round, as when the sample is nearly everything).
   */
  Map<String, double[]> scores(List<String> positives, List<String> unlabelled) {
    int size = Math.min(unlabelled.size(), Math.max(minSample, perPositive * positives.size()));
    List<Feature[]> base = new ArrayList<>();
    for (String id : positives) base.add(LinearModel.row(vectors.get(id)));
    Map<String, double[]> sums = new HashMap<>();
    for (String id : unlabelled) sums.put(id, new double[3]);
    List<String> pool = new ArrayList<>(unlabelled);
    Random random = new Random(seed);
    for (int t = 0; t < rounds; t++) {
      for (int i = 0; i < size; i++) { // a partial Fisher-Yates shuffle: the first `size` drawn
        int j = i + random.nextInt(pool.size() - i);
        pool.set(j, pool.set(i, pool.get(j)));
      }
      List<Feature[]> rows = new ArrayList<>(base);
      for (int i = 0; i < size; i++) rows.add(LinearModel.row(vectors.get(pool.get(i))));
      LinearModel model =
          LinearModel.train(rows, positives.size(), vectors.dims(), settings, seed + t);
      for (int i = 0; i < pool.size(); i++) {
        double[] s = sums.get(pool.get(i));
        double score = model.score(vectors.get(pool.get(i)));
        s[2] += score;
        if (i >= size) {
          s[0] += score;
          s[1]++;
        }
      }
    }
    return sums;
  }
}
