package dev.lectern.web.view;

import java.util.List;

/**
 * The viewer's saved papers, newest saved first, and their collections; or, as {@code dismissed},
 * the papers they said they are not interested in, each with a way to undo it.
 *
 * @param count e.g. "12 saved papers"
 * @param collections the viewer's collections by name; empty on the dismissed list
 * @param newerHref and {@code olderHref}: the neighbouring pages, null when none
 */
public record LibraryView(
    Page page,
    boolean dismissed,
    String count,
    int first,
    List<PaperCard> papers,
    String newerHref,
    String olderHref,
    List<CollectionLink> collections,
    int dismissedCount) {

  /** A collection as a link, with how many papers it holds. */
  public record CollectionLink(String name, String href, int papers) {}
}
