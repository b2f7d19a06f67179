package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A class-prior positive-unlabelled variant (after Elkan and Noto, 2008): Lectern's model and
 * sample, one interest (everything saved), with the sampled papers' class weighed {@code
 * unlabelledWeight} times its balanced weight, since some of them are positives nobody labelled.
 * Dismissed papers are left out of the sample and not used (the simulated users have none).
 */
final class DownweightedUnlabelled implements Ranker {
  private final PaperVectors vectors;
  private final Recommender.Options options;
  private final double unlabelledWeight;

  DownweightedUnlabelled(
      PaperVectors vectors, Recommender.Options options, double unlabelledWeight) {
    this.vectors = vectors;
    this.options = options;
    this.unlabelledWeight = unlabelledWeight;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<String> positives = signals.allSaved().stream().distinct().filter(vectors::has).toList();
    if (positives.isEmpty()) return List.of();
    List<String> negatives = sample(signals, positives.size());
    if (negatives.isEmpty()) return List.of();
    List<Feature[]> rows = new ArrayList<>();
    for (String id : positives) rows.add(LinearModel.row(vectors.get(id)));
    for (String id : negatives) rows.add(LinearModel.row(vectors.get(id)));
    LinearModel model = train(rows, positives.size());
    return Rankings.top(
        signals, candidates, vectors::has, id -> model.score(vectors.get(id)), limit);
  }

  /** Recommender's sample for a user without dismissed papers: the same papers, same order. */
  private List<String> sample(UserSignals signals, int positives) {
    Set<String> skip = new HashSet<>(signals.allSaved());
    skip.addAll(signals.dismissed());
    List<String> pool = new ArrayList<>();
    for (String id : vectors.ids()) if (!skip.contains(id)) pool.add(id);
    long perPositive = (long) positives * options.negativesPerPositive();
    int size =
        (int) Math.max(options.minNegatives(), Math.min(options.maxNegatives(), perPositive));
    int wanted = Math.min(pool.size(), size);
    Random random = new Random(options.seed());
    for (int i = 0; i < wanted; i++) {
      int j = i + random.nextInt(pool.size() - i);
      pool.set(j, pool.set(i, pool.get(j)));
    }
    return pool.subList(0, wanted);
  }

  /** LinearModel.train with balanced weights, the negative class's scaled (it has no such knob). */
  private LinearModel train(List<Feature[]> rows, int positives) {
    int n = rows.size();
    int features = vectors.dims();
    LinearModel.Settings s = options.model();
    Problem problem = new Problem();
    problem.l = n;
    problem.n = features + 1;
    problem.bias = 1;
    problem.x = rows.toArray(Feature[][]::new);
    problem.y = new double[n];
    for (int i = 0; i < n; i++) problem.y[i] = i < positives ? 1 : -1;
    Parameter parameter = new Parameter(s.solver(), s.c(), s.maxIterations(), s.epsilon());
    parameter.setRandom(new Random(options.seed()));
    parameter.setWeights(
        new double[] {n / (2.0 * positives), unlabelledWeight * n / (2.0 * (n - positives))},
        new int[] {1, -1});
    Model model = Linear.train(problem, parameter);
    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == 1 ? 1 : -1; // liblinear favours its first label
    double[] weights = new double[features];
    for (int i = 0; i < features; i++) weights[i] = sign * w[i];
    return new LinearModel(weights, sign * w[features] * model.getBias());
  }
}
