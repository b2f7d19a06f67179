package dev.lectern.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;
import java.util.Random;

/**
 * A binary linear classifier trained by liblinear, kept as its weight vector so that scoring a
 * paper is one dot product: {@code w·x + b}, positive for the positive class.
 */
public record LinearModel(double[] weights, double bias) {
  static {
    Linear.disableDebugOutput(); // liblinear prints its iterations to stdout otherwise
  }

  /**
   * How to train: liblinear's solver, its cost C, the weight of each class, its stopping tolerance
   * and its iteration limit.
   */
  public record Settings(
      SolverType solver, double c, Weighting weighting, double epsilon, int maxIterations) {
    /** With liblinear's default tolerance and iteration limit for the solver. */
    public static Settings of(SolverType solver, double c, Weighting weighting) {
      return new Settings(solver, c, weighting, defaultEpsilon(solver), 1000);
    }

    /** liblinear's default stopping tolerance for each solver (as its command line sets it). */
    private static double defaultEpsilon(SolverType solver) {
      return switch (solver) {
        case L2R_LR, L2R_L2LOSS_SVC -> 0.01;
        default -> 0.1;
      };
    }
  }

  /**
   * Class weights: none, or liblinear's C scaled by n / (2 n_class), as scikit-learn's "balanced".
   */
  public enum Weighting {
    NONE,
    BALANCED
  }

  /**
   * Trains on rows labelled positive (the first {@code positives}) and negative (the rest); each
   * row is a feature list as {@link #row} or {@link #sparseRow} make, over {@code features}
   * features.
   */
  public static LinearModel train(
      List<Feature[]> rows, int positives, int features, Settings settings, long seed) {
    int n = rows.size();
    if (positives < 1 || positives >= n)
      throw new IllegalArgumentException(
          "training needs both classes: " + positives + " positives of " + n);
    Problem problem = new Problem();
    problem.l = n;
    problem.n = features + 1; // the bias feature
    problem.bias = 1;
    problem.x = rows.toArray(Feature[][]::new);
    problem.y = new double[n];
    for (int i = 0; i < n; i++) problem.y[i] = i < positives ? 1 : -1;
    Parameter parameter =
        new Parameter(
            settings.solver(), settings.c(), settings.maxIterations(), settings.epsilon());
    parameter.setRandom(new Random(seed)); // dual solvers visit rows in a random order
    if (settings.weighting() == Weighting.BALANCED) {
      parameter.setWeights(
          new double[] {n / (2.0 * positives), n / (2.0 * (n - positives))}, new int[] {1, -1});
    }
    return of(Linear.train(problem, parameter), features);
  }

  private static LinearModel of(Model model, int features) {
    double[] w = model.getFeatureWeights();
    // liblinear's decision value favours its first label, which is whichever came first in y
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] weights = new double[features];
    for (int i = 0; i < features; i++) weights[i] = sign * w[i];
    return new LinearModel(weights, sign * w[features] * model.getBias());
  }

  /** A dense vector as a liblinear row (features 1..d) with the bias feature after it. */
  public static Feature[] row(float[] v) {
    Feature[] row = new Feature[v.length + 1];
    for (int i = 0; i < v.length; i++) row[i] = new FeatureNode(i + 1, v[i]);
    row[v.length] = new FeatureNode(v.length + 1, 1);
    return row;
  }

  /**
   * A sparse vector (ascending 0-based indices over {@code features} features) as a liblinear row.
   */
  public static Feature[] sparseRow(int[] indices, double[] values, int features) {
    Feature[] row = new Feature[indices.length + 1];
    for (int i = 0; i < indices.length; i++) row[i] = new FeatureNode(indices[i] + 1, values[i]);
    row[indices.length] = new FeatureNode(features + 1, 1);
    return row;
  }

  public double score(float[] x) {
    double sum = bias;
    for (int i = 0; i < x.length; i++) sum += weights[i] * x[i];
    return sum;
  }

  public double score(int[] indices, double[] values) {
    double sum = bias;
    for (int i = 0; i < indices.length; i++) sum += weights[indices[i]] * values[i];
    return sum;
  }
}
