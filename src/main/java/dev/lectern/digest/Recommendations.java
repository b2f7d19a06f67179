package dev.lectern.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * Papers recommended to a user ("For you"), for their digest and feed; {@link #NONE}, where
 * recommendations are not wired in (tests of the other parts), recommends nothing.
 */
public interface Recommendations {
  Recommendations NONE = (userId, since, cutoff, limit) -> List.of();

  /**
   * @param because why, in words that follow "recommended because": "you saved 'Attention is all
   *     you need'"
   */
  record Recommended(String paperId, String because) {}

  /** At most {@code limit} papers for the user whose day is after {@code since}, up to cutoff. */
  List<Recommended> since(long userId, LocalDate since, LocalDate cutoff, int limit);
}
