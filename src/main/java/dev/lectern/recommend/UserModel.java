package dev.lectern.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A user's trained interests and how they rank candidates. Each interest ranks the candidates on
 * its own; a candidate's score is its best rank-calibrated position in any interest (1 for an
 * interest's first, falling to 0), so the top of a narrow collection stands beside the top of
 * everything saved instead of under its raw scores. Each recommendation names the saved papers of
 * the interest that placed it that are nearest to it.
 */
public final class UserModel {
  /**
   * One interest: its papers (the positives), how many negatives it was trained against, and the
   * model.
   */
  public record Interest(String name, List<String> papers, int negatives, LinearModel model) {
    public Interest {
      papers = List.copyOf(papers);
    }
  }

  private final PaperVectors vectors;
  private final List<Interest> interests;
  private final int explanations;

  UserModel(PaperVectors vectors, List<Interest> interests, int explanations) {
    this.vectors = vectors;
    this.interests = List.copyOf(interests);
    this.explanations = explanations;
  }

  public List<Interest> interests() {
    return interests;
  }

  /** The best {@code limit} candidates with a vector that are not excluded, best first. */
  public List<Recommendation> recommend(Candidates candidates, Set<String> excluded, int limit) {
    List<String> ids =
        candidates.ids().stream()
            .distinct()
            .filter(id -> !excluded.contains(id) && vectors.has(id))
            .toList();
    if (interests.isEmpty() || ids.isEmpty() || limit < 1) return List.of();
    Merged merged = merge(ids);
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -merged.score[i])
            .thenComparingDouble(i -> -merged.raw[i]));
    List<Recommendation> out = new ArrayList<>(Math.min(limit, order.length));
    for (int r = 0; r < Math.min(limit, order.length); r++) {
      int i = order[r];
      Interest from = interests.get(merged.interest[i]);
      out.add(
          new Recommendation(
              ids.get(i), merged.score[i], merged.raw[i], from.name(), because(ids.get(i), from)));
    }
    return out;
  }

  /** Per candidate: the best calibrated score, the interest that gave it, and its raw score. */
  private record Merged(double[] score, int[] interest, double[] raw) {}

  private Merged merge(List<String> ids) {
    int n = ids.size();
    double[] best = new double[n];
    int[] from = new int[n];
    double[] raw = new double[n];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < interests.size(); j++) {
      double[] scores = new double[n];
      for (int i = 0; i < n; i++)
        scores[i] = interests.get(j).model().score(vectors.get(ids.get(i)));
      double[] calibrated = calibrate(scores);
      for (int i = 0; i < n; i++) {
        if (calibrated[i] > best[i]) {
          best[i] = calibrated[i];
          from[i] = j;
          raw[i] = scores[i];
        }
      }
    }
    return new Merged(best, from, raw);
  }

  /**
   * Each score's place among them: 1 for the highest, down to 1/n for the lowest; equal scores
   * share the better place.
   */
  static double[] calibrate(double[] scores) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]));
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      int i = order[r];
      boolean tie = r > 0 && scores[order[r - 1]] == scores[i];
      out[i] = tie ? out[order[r - 1]] : (double) (n - r) / n;
    }
    return out;
  }

  /**
   * The interest's saved papers nearest to this paper (by cosine), nearest first. Each similarity
   * is computed once, not in the sort's comparisons: with 1,000 saved papers that was most of a For
   * you request.
   */
  List<String> because(String paperId, Interest interest) {
    float[] v = vectors.get(paperId);
    return interest.papers().stream()
        .map(s -> new Near(s, PaperVectors.dot(v, vectors.get(s))))
        .sorted(Comparator.comparingDouble((Near n) -> -n.similarity()).thenComparing(Near::id))
        .limit(explanations)
        .map(Near::id)
        .toList();
  }

  private record Near(String id, double similarity) {}
}
