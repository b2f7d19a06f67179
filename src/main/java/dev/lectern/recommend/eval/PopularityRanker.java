package dev.lectern.recommend.eval;

import dev.lectern.recommend.Candidates;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommendation;
import dev.lectern.recommend.UserSignals;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The same list for everyone: Hugging Face upvotes ({@code papers.upvotes}), most first; papers
 * without upvotes count 0, and equal counts fall in a random (seeded) order.
 */
public final class PopularityRanker implements Ranker {
  private final Map<String, Integer> upvotes;
  private final Random random;

  public PopularityRanker(Map<String, Integer> upvotes, long seed) {
    this.upvotes = Map.copyOf(upvotes);
    this.random = new Random(seed);
  }

  @Override
  public List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit) {
    // the random part is below 1, so it only orders papers with equal upvotes
    return Rankings.top(
        signals,
        candidates,
        id -> true,
        id -> upvotes.getOrDefault(id, 0) + random.nextDouble(),
        limit);
  }
}
