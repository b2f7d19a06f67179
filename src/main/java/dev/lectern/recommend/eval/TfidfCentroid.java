package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lexical ranker for the fusion variants: a candidate's tf-idf cosine to the saved papers,
 * weighted as zotero-arxiv-daily weighs them (newest save first), which is its dot product with
 * their weighted mean vector.
 */
final class TfidfCentroid implements Ranker {
  private final Map<String, Tfidf.Vector> features;

  TfidfCentroid(Map<String, Tfidf.Vector> features) {
    this.features = features;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<Tfidf.Vector> saved =
        signals.allSaved().stream().filter(features::containsKey).map(features::get).toList();
    double[] weights = ZoteroArxivDaily.weights(saved.size());
    Map<Integer, Double> centroid = new HashMap<>();
    for (int s = 0; s < saved.size(); s++) {
      Tfidf.Vector v = saved.get(s);
      for (int i = 0; i < v.indices().length; i++)
        centroid.merge(v.indices()[i], weights[s] * v.values()[i], Double::sum);
    }
    return Rankings.top(
        signals,
        candidates,
        features::containsKey,
        id -> {
          Tfidf.Vector v = features.get(id);
          double sum = 0;
          for (int i = 0; i < v.indices().length; i++)
            sum += centroid.getOrDefault(v.indices()[i], 0.0) * v.values()[i];
          return sum;
        },
        limit);
  }
}
