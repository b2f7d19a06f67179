package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.Recommender;
import dev.lectern.recommend.UserModel;
import dev.lectern.recommend.UserSignals;
import java.util.List;

/**
 * Lectern's ranking with its model's raw score in place of the rank-calibrated one, for the
 * score-fusion variants: the best raw score over the interests (the simulated users have one).
 */
final class LecternRaw implements Ranker {
  private final PaperVectors vectors;
  private final Recommender recommender;

  LecternRaw(PaperVectors vectors, Recommender.Options options) {
    this.vectors = vectors;
    this.recommender = new Recommender(vectors, options);
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    UserModel model = recommender.train(signals);
    return Rankings.top(
        signals,
        candidates,
        vectors::has,
        id -> {
          double best = Double.NEGATIVE_INFINITY;
          for (UserModel.Interest i : model.interests())
            best = Math.max(best, i.model().score(vectors.get(id)));
          return best;
        },
        limit);
  }
}
