package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * arxiv-sanity-lite's recommendations (its send_emails.py): per tag, a linear SVM (scikit-learn's
 * LinearSVC: liblinear's L2-loss dual solver, C = 0.01, balanced class weights, tolerance 1e-6, at
 * most 10,000 iterations) over the tf-idf vectors of every paper's title, abstract and authors,
 * positives the tag's papers and negatives every other paper of the library; a paper's score is its
 * best over the tags. Tags are the user's collections; saved papers in none form one more tag.
 */
public final class ArxivSanityLite implements Ranker {
  static final LinearModel.Settings SVM =
      new LinearModel.Settings(
          SolverType.L2R_L2LOSS_SVC_DUAL, 0.01, LinearModel.Weighting.BALANCED, 1e-6, 10_000);

  private final Map<String, Tfidf.Vector> features;
  private final int dims;

  /** Over the library's papers: each one's vector from {@link #vectorize}. */
  public ArxivSanityLite(Map<String, Tfidf.Vector> features, int dims) {
    this.features = new LinkedHashMap<>(features);
    this.dims = dims;
  }

  /** Each paper's tf-idf vector, the vectorizer fitted on them all (as compute.py does). */
  public static Map<String, Tfidf.Vector> vectorize(Map<String, String> texts, Tfidf tfidf) {
    Map<String, Tfidf.Vector> out = new LinkedHashMap<>();
    texts.forEach((id, text) -> out.put(id, tfidf.transform(text)));
    return out;
  }

  /** compute.py's document: title, abstract and author names joined by spaces. */
  public static String text(String title, String abstractText, List<String> authors) {
    return String.join(" ", title, abstractText, String.join(" ", authors));
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    List<LinearModel> models = new ArrayList<>();
    for (Set<String> tag : tags(signals)) {
      List<Feature[]> rows = new ArrayList<>();
      List<Feature[]> negatives = new ArrayList<>();
      features.forEach((id, v) -> (tag.contains(id) ? rows : negatives).add(row(v)));
      int positives = rows.size();
      if (positives == 0 || negatives.isEmpty()) continue;
      rows.addAll(negatives);
      models.add(LinearModel.train(rows, positives, dims, SVM, 1));
    }
    if (models.isEmpty()) return List.of();
    return Rankings.top(
        signals,
        candidates,
        features::containsKey,
        id -> {
          Tfidf.Vector v = features.get(id);
          double best = Double.NEGATIVE_INFINITY;
          for (LinearModel m : models) best = Math.max(best, m.score(v.indices(), v.values()));
          return best;
        },
        limit);
  }

  private Feature[] row(Tfidf.Vector v) {
    return LinearModel.sparseRow(v.indices(), v.values(), dims);
  }

  /** The user's collections, then the saved papers in none of them. */
  static List<Set<String>> tags(UserSignals signals) {
    List<Set<String>> tags = new ArrayList<>();
    Set<String> inSome = new HashSet<>();
    signals.collections().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            c -> {
              tags.add(new LinkedHashSet<>(c.getValue()));
              inSome.addAll(c.getValue());
            });
    Set<String> rest = new LinkedHashSet<>(signals.saved());
    rest.removeAll(inSome);
    if (!rest.isEmpty()) tags.add(rest);
    return tags;
  }
}
