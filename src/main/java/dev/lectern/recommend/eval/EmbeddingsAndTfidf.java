package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.SolverType;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A variant that did not measure better: a logistic regression (balanced class weights, every other
 * paper a negative) over each paper's embedding followed by its tf-idf vector
 * (arxiv-sanity-lite's), both unit length.
 */
final class EmbeddingsAndTfidf implements Ranker {
  private static final LinearModel.Settings LR =
      new LinearModel.Settings(SolverType.L2R_LR, 1, LinearModel.Weighting.BALANCED, 1e-4, 100);

  private final PaperVectors vectors;
  private final Map<String, Tfidf.Vector> words;
  private final int features;

  private EmbeddingsAndTfidf(PaperVectors vectors, Map<String, Tfidf.Vector> words, int features) {
    this.vectors = vectors;
    this.words = words;
    this.features = features;
  }

  static EmbeddingsAndTfidf of(List<Paper> papers, PaperVectors vectors) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Paper p : papers)
      texts.put(p.id(), ArxivSanityLite.text(p.title(), p.abstractText(), p.authors()));
    Tfidf tfidf = Tfidf.fit(List.copyOf(texts.values()), Tfidf.Options.arxivSanityLite());
    return new EmbeddingsAndTfidf(
        vectors, ArxivSanityLite.vectorize(texts, tfidf), vectors.dims() + tfidf.features());
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    Set<String> saved = new HashSet<>(signals.allSaved());
    List<Feature[]> rows = new ArrayList<>();
    for (String id : signals.allSaved()) if (usable(id)) rows.add(row(id));
    int positives = rows.size();
    for (String id : vectors.ids()) if (!saved.contains(id) && usable(id)) rows.add(row(id));
    if (positives == 0 || positives == rows.size()) return List.of();
    LinearModel model = LinearModel.train(rows, positives, features, LR, 1);
    return Rankings.top(
        signals,
        candidates,
        this::usable,
        id -> {
          double s = model.bias();
          for (Feature f : row(id))
            if (f.getIndex() <= features) s += model.weights()[f.getIndex() - 1] * f.getValue();
          return s;
        },
        limit);
  }

  private boolean usable(String id) {
    return vectors.has(id) && words.containsKey(id);
  }

  private Feature[] row(String id) {
    float[] v = vectors.get(id);
    Tfidf.Vector w = words.get(id);
    Feature[] row = new Feature[v.length + w.indices().length + 1];
    for (int i = 0; i < v.length; i++) row[i] = new FeatureNode(i + 1, v[i]);
    for (int i = 0; i < w.indices().length; i++)
      row[v.length + i] = new FeatureNode(v.length + w.indices()[i] + 1, w.values()[i]);
    row[row.length - 1] = new FeatureNode(features + 1, 1);
    return row;
  }
}
