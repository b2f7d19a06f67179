package dev.lectern.digest;

import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.paper.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one digest holds: the user's new papers, each once with every reason it is there, and the
 * day's trending papers.
 *
 * @param items those of saved searches and follows, newest first, then those For you alone brings,
 *     best first (see {@link #onlyRecommended})
 * @param since papers of days after this one ...
 * @param cutoff ... up to this one
 * @param arrivedUntil how far the library's arrivals went when it was composed (see {@link
 *     DigestWindow}); null when its window had no papers at all
 */
public record Digest(
    Recipient user,
    LocalDate since,
    LocalDate cutoff,
    List<Item> items,
    List<Item> trending,
    Instant arrivedUntil) {

  /** How the reason of a "For you" paper begins. */
  public static final String RECOMMENDED = "recommended because ";

  /**
   * One paper and why it is in the digest.
   *
   * @param reasons "saved search 'graph neural'", "you follow Ada Lovelace", ...
   */
  public record Item(Paper paper, LocalDate day, List<String> reasons) {}

  /** Whether For you alone brings this paper: no saved search or follow does. */
  public static boolean onlyRecommended(Item i) {
    return !i.reasons().isEmpty() && i.reasons().stream().allMatch(r -> r.startsWith(RECOMMENDED));
  }

  /** The ids of the "For you" papers, to be marked seen once the digest is sent. */
  public List<String> recommended() {
    return items.stream()
        .filter(i -> i.reasons().stream().anyMatch(r -> r.startsWith(RECOMMENDED)))
        .map(i -> i.paper().id())
        .toList();
  }

  /** Nothing new for this user: no mail. */
  public boolean isEmpty() {
    return items.isEmpty() && trending.isEmpty();
  }
}
