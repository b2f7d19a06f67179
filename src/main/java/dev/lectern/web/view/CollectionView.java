package dev.lectern.web.view;

import java.util.List;

/**
 * One of the viewer's collections: its papers, the most recently added first, each with its note,
 * and the forms that rename or delete it.
 *
 * @param href the collection's page, the base of its forms' actions ({@code href + "/rename"})
 * @param count e.g. "3 papers"
 * @param exports its BibTeX, CSV and JSON (no Atom feed)
 * @param pending papers imported into it that the library does not have yet
 * @param fetches whether its pending papers can be fetched from arXiv now
 */
public record CollectionView(
    Page page,
    String name,
    String href,
    String count,
    int first,
    List<Entry> papers,
    String newerHref,
    String olderHref,
    ListExports exports,
    List<Pending> pending,
    boolean fetches) {

  /** A paper of the collection and the note the viewer wrote on it, empty for none. */
  public record Entry(PaperCard card, String note) {}

  /** A paper waiting for the library: its arXiv id or title, why it waits, and its row's id. */
  public record Pending(long id, String label, String reason) {}
}
