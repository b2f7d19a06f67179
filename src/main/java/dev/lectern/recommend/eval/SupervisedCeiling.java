package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Not a method a user could have: an oracle that knows every paper's topic except the ones it
 * ranks, to measure how far a linear model over some features can tell a topic from the rest of the
 * library at all. Per topic and per seeded split of the library into folds, a model trained on the
 * other folds' papers with their true labels (in the topic or not) scores each fold's papers; the
 * folds' scores make one ranking of the whole library (the models are trained alike on nearly the
 * same papers, so their scores are comparable; interleaving the folds by rank is the other choice,
 * {@link Combine#RANKS}). A simulated user's figures are those of that ranking less what they
 * saved, averaged over the splits, so the ceiling sits beside the methods on the same users.
 */
public final class SupervisedCeiling {
  public static final int FOLDS = 5;

  /** Splits averaged over, so that no figure hangs on one draw of the folds. */
  public static final int SPLITS = 10;

  /** How the folds' scores become one ranking. */
  public enum Combine {
    /** By the models' raw scores. */
    SCORES,
    /** By each paper's rank within its fold, as a share of the fold: the folds interleaved. */
    RANKS
  }

  /** Trains on labelled papers and gives a scorer for any paper of the library. */
  @FunctionalInterface
  public interface Learner {
    ToDoubleFunction<String> train(List<String> positives, List<String> negatives);
  }

  private final Map<String, Set<String>> topics;
  private final List<String> library;

  /** Per topic, per split: every paper's cross-validated score. */
  private final Map<String, List<Map<String, Double>>> scores = new LinkedHashMap<>();

  private SupervisedCeiling(Map<String, Set<String>> topics, List<String> library) {
    this.topics = topics;
    this.library = library;
  }

  /**
   * The cross-validated scores of every paper of {@code library} for every topic, over {@code
   * splits} splits into {@code folds} folds (split {@code s} seeded {@code seed + s}).
   */
  public static SupervisedCeiling of(
      Map<String, List<String>> topics,
      List<String> library,
      Learner learner,
      int folds,
      int splits,
      long seed,
      Combine combine) {
    Map<String, Set<String>> sets = new LinkedHashMap<>();
    topics.forEach(
        (t, ids) -> {
          if (!ids.isEmpty()) sets.put(t, new LinkedHashSet<>(ids)); // nothing to rank it by
        });
    List<String> papers = List.copyOf(new LinkedHashSet<>(library));
    SupervisedCeiling out = new SupervisedCeiling(sets, papers);
    for (var topic : sets.entrySet()) {
      List<Map<String, Double>> bySplit = new ArrayList<>();
      for (int s = 0; s < splits; s++) {
        int[] fold = folds(papers.size(), folds, new Random(seed + s));
        bySplit.add(crossValidated(papers, topic.getValue(), fold, folds, learner, combine));
      }
      out.scores.put(topic.getKey(), bySplit);
    }
    return out;
  }

  /**
   * Each of {@code n} papers' fold: a seeded shuffle dealt round, so the folds differ in size by
   * one at most.
   */
  static int[] folds(int n, int folds, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) order.add(i);
    Collections.shuffle(order, random);
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) fold[order.get(i)] = i % folds;
    return fold;
  }

  /**
   * Every paper's score from the model trained without its fold: positives the papers of {@code
   * topic} in the other folds, negatives the rest of them.
   */
  static Map<String, Double> crossValidated(
      List<String> papers,
      Set<String> topic,
      int[] fold,
      int folds,
      Learner learner,
      Combine combine) {
    Map<String, Double> out = new HashMap<>();
    for (int f = 0; f < folds; f++) {
      List<String> positives = new ArrayList<>();
      List<String> negatives = new ArrayList<>();
      List<String> ranked = new ArrayList<>();
      for (int i = 0; i < papers.size(); i++) {
        String id = papers.get(i);
        if (fold[i] == f) ranked.add(id);
        else if (topic.contains(id)) positives.add(id);
        else negatives.add(id);
      }
      if (ranked.isEmpty()) continue;
      // a page too small to reach every fold's training papers gives no model: no information
      ToDoubleFunction<String> model =
          positives.isEmpty() || negatives.isEmpty()
              ? id -> 0
              : learner.train(positives, negatives);
      double[] s = new double[ranked.size()];
      for (int i = 0; i < s.length; i++) s[i] = model.applyAsDouble(ranked.get(i));
      if (combine == Combine.RANKS) s = ranksAsShares(s);
      for (int i = 0; i < s.length; i++) out.put(ranked.get(i), s[i]);
    }
    return out;
  }

  /** Each score replaced by minus its rank's share of the fold (best first), ties in order. */
  private static double[] ranksAsShares(double[] s) {
    Integer[] order = new Integer[s.length];
    for (int i = 0; i < s.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> -s[i]));
    double[] out = new double[s.length];
    for (int r = 0; r < order.length; r++) out[order[r]] = -(r + 0.5) / s.length;
    return out;
  }

  /**
   * A user's figures: their candidates less what they saved, ranked by their topic's scores,
   * averaged over the splits.
   */
  public RecsEvaluation.Scores score(SimulatedUser user) {
    List<Map<String, Double>> bySplit = scores.get(user.group());
    if (bySplit == null) throw new IllegalArgumentException("no such topic: " + user.group());
    Set<String> excluded = user.signals().excluded();
    List<String> candidates =
        user.candidates().ids().stream()
            .distinct()
            .filter(id -> !excluded.contains(id) && bySplit.getFirst().containsKey(id))
            .toList();
    return average(bySplit, candidates, user.relevant());
  }

  /**
   * Each topic's figures with nothing saved: the whole library ranked, the topic's papers wanted.
   */
  public Map<String, RecsEvaluation.Scores> byTopic() {
    Map<String, RecsEvaluation.Scores> out = new LinkedHashMap<>();
    scores.forEach((t, bySplit) -> out.put(t, average(bySplit, library, topics.get(t))));
    return out;
  }

  private static RecsEvaluation.Scores average(
      List<Map<String, Double>> bySplit, List<String> candidates, Set<String> relevant) {
    double ndcg = 0, precision = 0, mrr = 0;
    for (Map<String, Double> s : bySplit) {
      List<String> ranked = new ArrayList<>(candidates);
      ranked.sort(Comparator.comparingDouble((String id) -> -s.get(id))); // stable: ties in order
      RecsEvaluation.Scores one = RecsEvaluation.score(ranked, relevant);
      ndcg += one.ndcg() / bySplit.size();
      precision += one.precision() / bySplit.size();
      mrr += one.mrr() / bySplit.size();
    }
    return new RecsEvaluation.Scores(ndcg, precision, mrr);
  }

  /**
   * A second oracle, between the methods and the ceiling: the user's saved papers are the only
   * positives, as for the methods, but the negatives are known to be off the topic (the papers of
   * the other folds of the user's candidates that are not on the user's page), so the gap between
   * it and Lectern is what unlabelled negatives cost, and the gap between it and the ceiling what
   * more positives would bring.
   */
  public static RecsEvaluation.Method cleanNegatives(
      Map<String, List<String>> topics, Learner learner, int folds, long seed) {
    Map<String, Set<String>> sets = new HashMap<>();
    topics.forEach((t, ids) -> sets.put(t, new HashSet<>(ids)));
    return user -> {
      Set<String> topic = sets.get(user.group());
      if (topic == null) throw new IllegalArgumentException("no such topic: " + user.group());
      List<String> saved = user.signals().allSaved();
      Set<String> excluded = user.signals().excluded();
      List<String> candidates =
          user.candidates().ids().stream().distinct().filter(id -> !excluded.contains(id)).toList();
      int[] fold = folds(candidates.size(), folds, new Random(seed));
      Map<String, Double> score = new HashMap<>();
      for (int f = 0; f < folds; f++) {
        List<String> negatives = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++)
          if (fold[i] != f && !topic.contains(candidates.get(i))) negatives.add(candidates.get(i));
        ToDoubleFunction<String> model =
            saved.isEmpty() || negatives.isEmpty() ? id -> 0 : learner.train(saved, negatives);
        for (int i = 0; i < candidates.size(); i++)
          if (fold[i] == f) score.put(candidates.get(i), model.applyAsDouble(candidates.get(i)));
      }
      List<String> ranked = new ArrayList<>(candidates);
      ranked.sort(Comparator.comparingDouble((String id) -> -score.get(id)));
      return RecsEvaluation.score(ranked, user.relevant());
    };
  }

  /** A linear model over the stored embeddings. */
  public static Learner embeddings(PaperVectors vectors, LinearModel.Settings settings) {
    return (positives, negatives) -> {
      List<Feature[]> rows = new ArrayList<>();
      for (String id : positives) rows.add(LinearModel.row(vectors.get(id)));
      for (String id : negatives) rows.add(LinearModel.row(vectors.get(id)));
      LinearModel model = LinearModel.train(rows, positives.size(), vectors.dims(), settings, 42);
      return id -> model.score(vectors.get(id));
    };
  }

  /** A linear model over tf-idf vectors. */
  public static Learner tfidf(Map<String, Tfidf.Vector> words, LinearModel.Settings settings) {
    int dims = dims(words);
    return (positives, negatives) -> {
      List<Feature[]> rows = new ArrayList<>();
      for (String id : positives) rows.add(sparse(words.get(id), dims));
      for (String id : negatives) rows.add(sparse(words.get(id), dims));
      LinearModel model = LinearModel.train(rows, positives.size(), dims, settings, 42);
      return id -> model.score(words.get(id).indices(), words.get(id).values());
    };
  }

  /** A linear model over each paper's embedding followed by its tf-idf vector. */
  public static Learner both(
      PaperVectors vectors, Map<String, Tfidf.Vector> words, LinearModel.Settings settings) {
    int d = vectors.dims();
    int features = d + dims(words);
    return (positives, negatives) -> {
      List<Feature[]> rows = new ArrayList<>();
      for (String id : positives) rows.add(joined(vectors.get(id), words.get(id), features));
      for (String id : negatives) rows.add(joined(vectors.get(id), words.get(id), features));
      LinearModel model = LinearModel.train(rows, positives.size(), features, settings, 42);
      double[] w = model.weights();
      return id -> {
        double s = model.score(vectors.get(id)) - model.bias();
        Tfidf.Vector v = words.get(id);
        for (int i = 0; i < v.indices().length; i++) s += w[d + v.indices()[i]] * v.values()[i];
        return s + model.bias();
      };
    };
  }

  private static int dims(Map<String, Tfidf.Vector> words) {
    int max = -1;
    for (Tfidf.Vector v : words.values()) for (int i : v.indices()) max = Math.max(max, i);
    return max + 1;
  }

  private static Feature[] sparse(Tfidf.Vector v, int dims) {
    return LinearModel.sparseRow(v.indices(), v.values(), dims);
  }

  private static Feature[] joined(float[] e, Tfidf.Vector w, int features) {
    Feature[] row = new Feature[e.length + w.indices().length + 1];
    for (int i = 0; i < e.length; i++) row[i] = new FeatureNode(i + 1, e[i]);
    for (int i = 0; i < w.indices().length; i++)
      row[e.length + i] = new FeatureNode(e.length + w.indices()[i] + 1, w.values()[i]);
    row[row.length - 1] = new FeatureNode(features + 1, 1);
    return row;
  }
}
