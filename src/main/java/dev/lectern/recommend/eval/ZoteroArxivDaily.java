package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.List;

/**
 * zotero-arxiv-daily's reranker: a candidate's score is the weighted mean of its cosine
 * similarities to the saved papers, newest save first with weight {@code 1 / (1 + log10(rank))}
 * (rank from 1), the weights normalized to sum to 1. It embeds abstracts with its own model; here
 * the stored bge vectors of title and abstract stand in.
 */
public final class ZoteroArxivDaily implements Ranker {
  private final PaperVectors vectors;

  public ZoteroArxivDaily(PaperVectors vectors) {
    this.vectors = vectors;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<float[]> saved =
        signals.allSaved().stream().filter(vectors::has).map(vectors::get).toList();
    double[] weights = weights(saved.size());
    return Rankings.top(
        signals,
        candidates,
        vectors::has,
        id -> {
          float[] v = vectors.get(id);
          double sum = 0;
          for (int i = 0; i < saved.size(); i++) sum += weights[i] * cosine(v, saved.get(i));
          return sum;
        },
        limit);
  }

  /** The weight of each saved paper, newest first, summing to 1. */
  static double[] weights(int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) sum += w[i] = 1 / (1 + Math.log10(i + 1));
    for (int i = 0; i < n; i++) w[i] /= sum;
    return w;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
