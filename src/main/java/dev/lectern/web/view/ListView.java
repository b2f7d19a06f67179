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
    String deepNote) {

  /** A facet value: its label, its page and how many of the papers it holds. */
  public record Facet(String label, String href, long count) {}
}
