package dev.lectern.recommend.eval;

import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.search.eval.Metrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Offline quality of rankers over simulated users: nDCG@10, precision@10 and MRR (the first
 * relevant paper's reciprocal rank in the whole ranking), averaged over the users, and each
 * method's paired difference from Lectern's over the same users.
 */
public final class RecsEvaluation {
  public static final int AT = 10;

  /** The method the others are compared with, user by user, when it is among them. */
  public static final String REFERENCE = "lectern";

  private RecsEvaluation() {}

  /**
   * One method's mean figures over the users who saved {@code k} papers, and its paired difference
   * from {@link #REFERENCE} over the same users ({@code null} for the reference itself, or when it
   * was not run).
   */
  public record Row(
      String method, int k, int users, double ndcg, double precision, double mrr, Paired paired) {}

  /** One user's figures. */
  public record Scores(double ndcg, double precision, double mrr) {}

  /** A method's mean per-user difference from {@code against}, with standard errors. */
  public record Paired(String against, Difference ndcg, Difference precision, Difference mrr) {}

  /**
   * A mean of per-user differences and its standard error (the differences' sample standard
   * deviation over the square root of their number; 0 for fewer than two users).
   */
  public record Difference(double mean, double se) {
    /** {@code a[i] - b[i]} over the users, {@code a} and {@code b} the same users' figures. */
    public static Difference of(double[] a, double[] b) {
      if (a.length != b.length) throw new IllegalArgumentException("not the same users");
      int n = a.length;
      if (n == 0) return new Difference(0, 0);
      double mean = 0;
      for (int i = 0; i < n; i++) mean += (a[i] - b[i]) / n;
      if (n < 2) return new Difference(mean, 0);
      double squares = 0;
      for (int i = 0; i < n; i++) squares += Math.pow(a[i] - b[i] - mean, 2);
      return new Difference(mean, Math.sqrt(squares / (n - 1) / n));
    }
  }

  /** Scores one simulated user: what the rankers are, and also rankers that are not methods. */
  @FunctionalInterface
  public interface Method {
    Scores score(SimulatedUser user);
  }

  /** Every ranker over every k's users, rows by k, then in the rankers' order. */
  public static List<Row> evaluate(
      Map<String, Ranker> rankers, Map<Integer, List<SimulatedUser>> usersByK) {
    Map<String, Method> methods = new LinkedHashMap<>();
    rankers.forEach((name, ranker) -> methods.put(name, user -> score(ranker, user)));
    return evaluateMethods(methods, usersByK);
  }

  /** As {@link #evaluate}, over methods that score users themselves. */
  public static List<Row> evaluateMethods(
      Map<String, Method> methods, Map<Integer, List<SimulatedUser>> usersByK) {
    return evaluateMethods(methods, usersByK, name -> REFERENCE);
  }

  /**
   * As {@link #evaluateMethods(Map, Map)}, each method paired with the one {@code against} names
   * (none when that is the method itself, null or not run).
   */
  public static List<Row> evaluateMethods(
      Map<String, Method> methods,
      Map<Integer, List<SimulatedUser>> usersByK,
      UnaryOperator<String> against) {
    List<Row> rows = new ArrayList<>();
    usersByK.forEach(
        (k, users) -> {
          Map<String, double[][]> perUser = new LinkedHashMap<>();
          methods.forEach(
              (name, method) -> {
                double[][] s = new double[3][users.size()];
                for (int u = 0; u < users.size(); u++) {
                  Scores one = method.score(users.get(u));
                  s[0][u] = one.ndcg();
                  s[1][u] = one.precision();
                  s[2][u] = one.mrr();
                }
                perUser.put(name, s);
              });
          perUser.forEach(
              (name, s) -> {
                String other = against.apply(name);
                double[][] reference = other == null ? null : perUser.get(other);
                Paired paired =
                    reference == null || other.equals(name)
                        ? null
                        : new Paired(
                            other,
                            Difference.of(s[0], reference[0]),
                            Difference.of(s[1], reference[1]),
                            Difference.of(s[2], reference[2]));
                rows.add(
                    new Row(name, k, users.size(), mean(s[0]), mean(s[1]), mean(s[2]), paired));
              });
        });
    return rows;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / Math.max(1, values.length);
  }

  /** One user's figures for one ranker, over its whole ranking of the user's candidates. */
  public static Scores score(Ranker ranker, SimulatedUser user) {
    List<String> ranked =
        ranker.recommend(user.signals(), user.candidates(), user.candidates().ids().size()).stream()
            .map(Recommendation::paperId)
            .toList();
    return score(ranked, user.relevant());
  }

  /** The figures of one whole ranking, {@code relevant} the papers wanted. */
  public static Scores score(List<String> ranked, Set<String> relevant) {
    Map<String, Integer> grades = new HashMap<>();
    relevant.forEach(id -> grades.put(id, 1));
    return new Scores(
        Metrics.ndcg(ranked, grades, AT),
        Metrics.precision(ranked, grades, AT),
        ranked.isEmpty() ? 0 : Metrics.reciprocalRank(ranked, grades, ranked.size()));
  }
}
