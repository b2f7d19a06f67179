package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.SolverType;
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
 * A plain logistic regression over the stored embeddings, as Scholar Inbox ranks papers: one model
 * over everything saved against every other paper of the library, with scikit-learn's defaults for
 * {@code LogisticRegression(solver="liblinear")} (C = 1, no class weights, tolerance 1e-4, 100
 * iterations) unless told otherwise.
 */
public final class LogisticRegressionBaseline implements Ranker {
  public static final LinearModel.Settings PLAIN =
      new LinearModel.Settings(SolverType.L2R_LR, 1.0, LinearModel.Weighting.NONE, 1e-4, 100);

  private final PaperVectors vectors;
  private final LinearModel.Settings settings;

  public LogisticRegressionBaseline(PaperVectors vectors, LinearModel.Settings settings) {
    this.vectors = vectors;
    this.settings = settings;
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    Set<String> saved = new HashSet<>(signals.allSaved());
    List<Feature[]> rows = new ArrayList<>();
    for (String id : signals.allSaved())
      if (vectors.has(id)) rows.add(LinearModel.row(vectors.get(id)));
    int positives = rows.size();
    for (String id : vectors.ids())
      if (!saved.contains(id)) rows.add(LinearModel.row(vectors.get(id)));
    if (positives == 0 || positives == rows.size()) return List.of();
    LinearModel model = LinearModel.train(rows, positives, vectors.dims(), settings, 1);
    return Rankings.top(
        signals, candidates, vectors::has, id -> model.score(vectors.get(id)), limit);
  }
}
