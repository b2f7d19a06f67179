package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Variants that merge several rankers' whole rankings with fixed weights: reciprocal-rank fusion
 * (each part adds {@code weight / (60 + rank)}) or a sum of z-scored scores. A candidate a part
 * does not rank gets nothing from it.
 */
final class Fusion implements Ranker {
  /** How the parts' rankings are combined. */
  enum Mode {
    RECIPROCAL_RANK,
    Z_SCORE
  }

  /** One ranker and its weight. */
  record Part(Ranker ranker, double weight) {}

  private static final int RRF_K = 60;

  private final List<Part> parts;
  private final Mode mode;

  Fusion(Mode mode, List<Part> parts) {
    this.mode = mode;
    this.parts = List.copyOf(parts);
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    Map<String, Double> fused = new HashMap<>();
    for (Part part : parts) {
      List<Recommendation> ranked =
          part.ranker().recommend(signals, candidates, candidates.ids().size());
      if (ranked.isEmpty()) continue;
      double mean = 0, sd = 0;
      if (mode == Mode.Z_SCORE) {
        for (Recommendation r : ranked) mean += r.score() / ranked.size();
        for (Recommendation r : ranked) sd += Math.pow(r.score() - mean, 2) / ranked.size();
        sd = Math.sqrt(sd);
      }
      for (int i = 0; i < ranked.size(); i++) {
        Recommendation r = ranked.get(i);
        double add =
            switch (mode) {
              case RECIPROCAL_RANK -> 1.0 / (RRF_K + i + 1);
              case Z_SCORE -> sd == 0 ? 0 : (r.score() - mean) / sd;
            };
        fused.merge(r.paperId(), part.weight() * add, Double::sum);
      }
    }
    return Rankings.top(signals, candidates, fused::containsKey, fused::get, limit);
  }
}
