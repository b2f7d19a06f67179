package dev.lectern.web.view;

import java.util.List;

/**
 * An author's or a category's papers, newest first.
 *
 * @param kind what the heading names: "author" or "category"
 * @param summary how many papers, e.g. "21 papers, newest first"
 * @param categories the categories of these papers, with counts, each a link to its page
 * @param searchHref a search for the same papers, to narrow them with words
 * @param deepNote why the pages stop before the oldest papers, null when they do not
 * @param follow the form that follows this author or category, null for none
 */
public record ListView(
    Page page,
    String kind,
    String heading,
    String summary,
    List<Facet> categories,
    String searchHref,
    int first,
    List<PaperCard> papers,
    String newerHref,
    String olderHref,
    String deepNote,
    Follow follow) {

  /**
   * The "Follow" form; null where following is not offered.
   *
   * @param kind "author" or "category"
   * @param target the name followed, as the page shows it
   * @param followed whether the viewer follows it already (the button then unfollows)
   * @param id the follow's id when followed, for unfollowing
   * @param back this page, where unfollowing returns to
   */
  public record Follow(String kind, String target, boolean followed, long id, String back) {}

  /** A facet value: its label, its page and how many of the papers it holds. */
  public record Facet(String label, String href, long count) {}
}
