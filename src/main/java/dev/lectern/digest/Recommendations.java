package dev.lectern.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Papers recommended to a user ("For you"), for their digest and feed; {@link #NONE}, where
 * recommendations are not wired in (tests of the other parts), recommends nothing.
 */
public interface Recommendations {
  Recommendations NONE = (userId, from, to, only, limit) -> List.of();

  /**
   * @param because why, in words that follow "recommended because": "you saved 'Attention is all
   *     you need'"
   */
  record Recommended(String paperId, String because) {}

  /**
   * At most {@code limit} papers for the user, best first, among those of the days {@code from}
   * (null: the recommender's own window back from {@code to}) to {@code to}, or, when {@code only}
   * is not null, among those papers alone.
   */
  List<Recommended> of(long userId, LocalDate from, LocalDate to, Set<String> only, int limit);
}
