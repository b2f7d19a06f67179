package dev.lectern.web.view;

import java.util.List;

/**
 * A paper's page. Plain text everywhere (the templates escape it) except the {@code Html} fields;
 * null for what the library does not know.
 *
 * @param titleHtml the title, LaTeX decoded, escaped, its math in {@code <span class="math">}
 * @param abstractHtml the abstract, the same way
 * @param commentsHtml the authors' comments, the same way
 * @param dates e.g. "submitted 2024-03-13 · updated 2024-04-02 · 3 versions"
 * @param similarNote why similar papers are missing, null when they are listed
 * @param marks the viewer's vote, save and dismissal, with their forms
 * @param holding the viewer's collections that hold the paper, as links
 * @param addable the viewer's other collections, which it can be added to
 */
public record PaperView(
    Page page,
    String id,
    String titleHtml,
    List<Author> authors,
    List<String> categories,
    String dates,
    String abstractHtml,
    String doi,
    String doiHref,
    String journalRef,
    String commentsHtml,
    String license,
    String licenseHref,
    Integer upvotes,
    String arxivAbs,
    String arxivPdf,
    String sources,
    List<PaperCard> similar,
    String similarNote,
    Citation citation,
    MarkState marks,
    List<LibraryView.CollectionLink> holding,
    List<Choice> addable) {

  /** A collection to pick. */
  public record Choice(long id, String name) {}

  /** An author and the author's page. */
  public record Author(String name, String href) {}
}
