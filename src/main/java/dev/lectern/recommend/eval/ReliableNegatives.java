package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A positive-unlabelled variant: Lectern's model (saved papers against every other paper), then
 * again without the "negatives" it scored above its lowest-scored saved paper (likely unlabelled
 * positives).
 */
final class ReliableNegatives implements Ranker {
  private final PaperVectors vectors;
  private final LinearModel.Settings settings;

  ReliableNegatives(PaperVectors vectors, LinearModel.Settings settings) {
    this.vectors = vectors;
    this.settings = settings;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<String> positives = signals.allSaved().stream().filter(vectors::has).toList();
    Set<String> saved = new HashSet<>(positives);
    List<String> negatives = new ArrayList<>();
    for (String id : vectors.ids()) if (!saved.contains(id)) negatives.add(id);
    if (positives.isEmpty() || negatives.isEmpty()) return List.of();
    LinearModel first = train(positives, negatives);
    double lowest = Double.POSITIVE_INFINITY;
    for (String id : positives) lowest = Math.min(lowest, first.score(vectors.get(id)));
    double threshold = lowest;
    List<String> reliable =
        negatives.stream().filter(id -> first.score(vectors.get(id)) < threshold).toList();
    LinearModel model = reliable.isEmpty() ? first : train(positives, reliable);
    return Rankings.top(
        signals, candidates, vectors::has, id -> model.score(vectors.get(id)), limit);
  }

  private LinearModel train(List<String> positives, List<String> negatives) {
    List<Feature[]> rows = new ArrayList<>();
    for (String id : positives) rows.add(LinearModel.row(vectors.get(id)));
    for (String id : negatives) rows.add(LinearModel.row(vectors.get(id)));
    return LinearModel.train(rows, positives.size(), vectors.dims(), settings, 42);
  }
}
