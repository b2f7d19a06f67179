package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.List;
import java.util.Random;

/** The floor: candidates in a random order (seeded, so a run can be repeated). */
public final class RandomRanker implements Ranker {
  private final Random random;

  public RandomRanker(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    return Rankings.top(signals, candidates, id -> true, id -> random.nextDouble(), limit);
  }
}
