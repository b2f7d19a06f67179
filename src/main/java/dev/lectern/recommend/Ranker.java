package dev.lectern.recommend;

import java.util.List;

/**
 * Ranks candidate papers for a user: Lectern's recommender and the baselines it is measured against
 * all answer this, so the evaluation can treat them alike.
 */
public interface Ranker {
  /**
   * The best {@code limit} candidates for this user, best first, leaving out what {@link
   * UserSignals#excluded()} names.
   */
  List<Recommendation> recommend(UserSignals signals, Candidates candidates, int limit);
}
