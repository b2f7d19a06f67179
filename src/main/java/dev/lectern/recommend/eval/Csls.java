package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.UserModel;
import dev.lectern.recommend.UserSignals;
import java.util.List;
import java.util.Map;

/**
 * CSLS variants (a hubness correction): a candidate's cosine to the user's query direction less
 * half its mean cosine to its nearest library papers. The query direction is the zotero-weighted
 * saved papers (cosines averaged) or Lectern's model's weight vector.
 */
final class Csls implements Ranker {
  private final PaperVectors vectors;
  private final Map<String, Double> hubness;
  private final Recommender lectern; // null: the saved papers' weighted cosines

  Csls(PaperVectors vectors, Map<String, Double> hubness, Recommender lectern) {
    this.vectors = vectors;
    this.hubness = hubness;
    this.lectern = lectern;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<float[]> saved =
        signals.allSaved().stream().filter(vectors::has).map(vectors::get).toList();
    double[] weights = ZoteroArxivDaily.weights(saved.size());
    double[] w;
    if (lectern == null) {
      w = null;
    } else {
      UserModel model = lectern.train(signals);
      if (model.interests().isEmpty()) return List.of();
      w = model.interests().get(0).model().weights();
    }
    double wNorm = w == null ? 1 : Math.sqrt(dot(w, w));
    return Rankings.top(
        signals,
        candidates,
        id -> vectors.has(id) && hubness.containsKey(id),
        id -> {
          float[] v = vectors.get(id);
          double sim = 0;
          if (w == null) {
            for (int i = 0; i < saved.size(); i++)
              sim += weights[i] * Neighbourhoods.dot(v, saved.get(i));
          } else {
            double s = 0;
            for (int d = 0; d < v.length; d++) s += w[d] * v[d];
            sim = s / wNorm;
          }
          return sim - hubness.get(id) / 2;
        },
        limit);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
