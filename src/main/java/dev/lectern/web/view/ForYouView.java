package dev.lectern.web.view;

import java.util.List;

/**
 * A user's recommendations.
 *
 * @param notice what a mark from this list just did, with its undo; null for none
 * @param lead what the list is (the window of days it draws from), or why there is none
 * @param items the recommended papers, best first; empty with a {@code lead} that says why
 * @param previousHref the page of better papers; null on the first
 * @param nextHref the page of the next papers; null when there are none
 * @param learnedFrom what the models learned from, e.g. "12 saved papers in 2 interests"; null when
 *     nothing
 */
public record ForYouView(
    Page page,
    Notice notice,
    String lead,
    List<Item> items,
    String previousHref,
    String nextHref,
    String learnedFrom) {
  /**
   * "Saved “Title”.", and the form that undoes it: the reverse mark of {@code paperId} posted to
   * {@code action}, coming back to {@code next}.
   */
  public record Notice(String text, String action, String paperId, String next, String csrf) {}

  /** A recommended paper and the saved papers that placed it. */
  public record Item(PaperCard card, String interest, List<Link> because) {}

  /** A saved paper named in an explanation. */
  public record Link(String href, String title) {}
}
