package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lexical ranker for the fusion variants: Lectern's model (liblinear's settings as Lectern's)
 * over tf-idf vectors, the saved papers against every other paper of the library.
 */
final class TfidfLinear implements Ranker {
  private final Map<String, Tfidf.Vector> features;
  private final int dims;
  private final LinearModel.Settings settings;

  TfidfLinear(Map<String, Tfidf.Vector> features, LinearModel.Settings settings) {
    this.features = features;
    this.settings = settings;
    this.dims =
        features.values().stream()
                .mapToInt(v -> v.indices().length == 0 ? 0 : v.indices()[v.indices().length - 1])
                .max()
                .orElse(0)
            + 1;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    Set<String> saved = new HashSet<>(signals.allSaved());
    List<Feature[]> rows = new ArrayList<>();
    for (String id : signals.allSaved()) if (features.containsKey(id)) rows.add(row(id));
    int positives = rows.size();
    for (String id : features.keySet()) if (!saved.contains(id)) rows.add(row(id));
    if (positives == 0 || positives == rows.size()) return List.of();
    LinearModel model = LinearModel.train(rows, positives, dims, settings, 42);
    return Rankings.top(
        signals,
        candidates,
        features::containsKey,
        id -> model.score(features.get(id).indices(), features.get(id).values()),
        limit);
  }

  private Feature[] row(String id) {
    Tfidf.Vector v = features.get(id);
    return LinearModel.sparseRow(v.indices(), v.values(), dims);
  }
}
