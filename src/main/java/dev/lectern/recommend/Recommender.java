package dev.lectern.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Lectern's "For you": a linear model per interest over the papers' stored embeddings, trained with
 * liblinear. Each collection is an interest, and so is everything saved; positives are the
 * interest's papers, negatives the user's dismissed papers and papers sampled from the library.
 * {@link UserModel} merges the interests and explains each recommendation.
 */
public final class Recommender implements Ranker {
  /** The interest that holds every saved paper. */
  public static final String EVERYTHING = "";

  /**
   * @param model liblinear's solver, C and class weights
   * @param negativesPerPositive sampled negatives per positive, between {@code minNegatives} and
   *     {@code maxNegatives}
   * @param dismissedWeight how many sampled negatives one dismissed paper counts as (at most; all
   *     of them together no more than the sample): a user's "not interested" is a judgment, a
   *     sampled paper only probably uninteresting
   * @param explanations saved papers named in each recommendation's "because"
   * @param seed the negatives' sampling, so that the same signals give the same model
   */
  public record Options(
      LinearModel.Settings model,
      int negativesPerPositive,
      int minNegatives,
      int maxNegatives,
      int dismissedWeight,
      int explanations,
      long seed) {
    public static Options defaults() {
      return new Options(
          LinearModel.Settings.of(SolverType.L2R_LR_DUAL, 1.0, LinearModel.Weighting.BALANCED),
          2,
          200,
          1_000,
          10,
          3,
          42);
    }

    public Options withExplanations(int count) {
      return new Options(
          model, negativesPerPositive, minNegatives, maxNegatives, dismissedWeight, count, seed);
    }

    public Options withNegatives(int perPositive, int min, int max) {
      return new Options(model, perPositive, min, max, dismissedWeight, explanations, seed);
    }

    public Options withModel(LinearModel.Settings settings) {
      return new Options(
          settings,
          negativesPerPositive,
          minNegatives,
          maxNegatives,
          dismissedWeight,
          explanations,
          seed);
    }
  }

  private final PaperVectors vectors;
  private final Options options;

  public Recommender(PaperVectors vectors, Options options) {
    this.vectors = vectors;
    this.options = options;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    return train(signals).recommend(candidates, signals.excluded(), limit);
  }

  /** The user's models, one per interest: what a change of the signals retrains. */
  public UserModel train(UserSignals signals) {
    Map<String, List<String>> interests = interests(signals);
    if (interests.isEmpty()) return new UserModel(vectors, List.of(), options.explanations());
    Negatives negatives = negatives(signals);
    Map<String, Feature[]> rows = new LinkedHashMap<>();
    List<UserModel.Interest> trained = new ArrayList<>();
    for (var e : interests.entrySet()) {
      List<String> positives = e.getValue();
      int count =
          Math.min(negatives.ids().size(), negatives.dismissed() + sampleSize(positives.size()));
      List<String> theirNegatives = negatives.ids().subList(0, count);
      trained.add(
          new UserModel.Interest(
              e.getKey(),
              positives,
              count,
              fit(positives, theirNegatives, negatives.dismissed(), rows)));
    }
    return new UserModel(vectors, trained, options.explanations());
  }

  /**
   * Everything saved, then each collection whose papers differ from it, each with the papers that
   * have a vector.
   */
  private Map<String, List<String>> interests(UserSignals signals) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> all = embedded(signals.allSaved());
    if (all.isEmpty()) return out;
    out.put(EVERYTHING, all);
    Set<Set<String>> seen = new HashSet<>();
    seen.add(Set.copyOf(all));
    signals.collections().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            c -> {
              List<String> papers = embedded(c.getValue());
              if (!papers.isEmpty() && seen.add(Set.copyOf(papers))) out.put(c.getKey(), papers);
            });
    return out;
  }

  private List<String> embedded(List<String> ids) {
    return ids.stream().distinct().filter(vectors::has).toList();
  }

  /**
   * The dismissed papers, then library papers in a random order (neither saved nor dismissed): each
   * interest takes as many from the start as its size calls for, so all share one sample.
   */
  private Negatives negatives(UserSignals signals) {
    Set<String> saved = new HashSet<>(signals.allSaved());
    List<String> dismissed =
        signals.dismissed().stream()
            .filter(vectors::has)
            .filter(id -> !saved.contains(id))
            .sorted()
            .toList();
    Set<String> skip = new HashSet<>(saved);
    skip.addAll(dismissed);
    List<String> pool = new ArrayList<>();
    for (String id : vectors.ids()) if (!skip.contains(id)) pool.add(id);
    int wanted = Math.min(pool.size(), sampleSize(embedded(signals.allSaved()).size()));
    Random random = new Random(options.seed());
    for (int i = 0; i < wanted; i++) { // a partial Fisher-Yates shuffle: the first `wanted` only
      int j = i + random.nextInt(pool.size() - i);
      pool.set(j, pool.set(i, pool.get(j)));
    }
    List<String> out = new ArrayList<>(dismissed);
    out.addAll(pool.subList(0, wanted));
    return new Negatives(out, dismissed.size());
  }

  /** Negatives: the first {@code dismissed} of {@code ids} are the user's dismissed papers. */
  private record Negatives(List<String> ids, int dismissed) {}

  private int sampleSize(int positives) {
    long wanted = (long) positives * options.negativesPerPositive();
    return (int) Math.max(options.minNegatives(), Math.min(options.maxNegatives(), wanted));
  }

  /** Trains on positives against negatives whose first {@code dismissed} are dismissed papers. */
  private LinearModel fit(
      List<String> positives, List<String> negatives, int dismissed, Map<String, Feature[]> rows) {
    if (negatives.isEmpty()) return centroid(positives);
    List<Feature[]> training = new ArrayList<>(positives.size() + negatives.size());
    for (String id : positives) training.add(rows.computeIfAbsent(id, this::row));
    // liblinear weighs classes, not rows: a row given n times weighs n. Dismissed papers weigh at
    // most as much as the sampled ones together, so that many dismissals do not drown the sample.
    int sampled = negatives.size() - dismissed;
    int repeat =
        dismissed == 0 ? 1 : Math.max(1, Math.min(options.dismissedWeight(), sampled / dismissed));
    for (int i = 0; i < negatives.size(); i++) {
      Feature[] row = rows.computeIfAbsent(negatives.get(i), this::row);
      for (int n = i < dismissed ? repeat : 1; n > 0; n--) training.add(row);
    }
    return LinearModel.train(
        training, positives.size(), vectors.dims(), options.model(), options.seed());
  }

  private Feature[] row(String id) {
    return LinearModel.row(vectors.get(id));
  }

  /** With nothing to tell positives from (a library of saved papers only): their mean direction. */
  private LinearModel centroid(List<String> positives) {
    double[] w = new double[vectors.dims()];
    for (String id : positives) {
      float[] v = vectors.get(id);
      for (int i = 0; i < w.length; i++) w[i] += v[i] / positives.size();
    }
    return new LinearModel(w, 0);
  }
}
