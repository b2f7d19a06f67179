package dev.lectern.web.view;

import java.util.List;

/**
 * A paper's page. Plain text everywhere (the templates escape it); null for what the library does
 * not know.
 *
 * @param dates e.g. "submitted 2024-03-13 · updated 2024-04-02 · 3 versions"
 * @param similarNote why similar papers are missing, null when they are listed
 */
public record PaperView(
    Page page,
    String id,
    String title,
    List<Author> authors,
    List<String> categories,
    String dates,
    String abstractText,
    String doi,
    String doiHref,
    String journalRef,
    String comments,
    String license,
    String licenseHref,
    Integer upvotes,
    String arxivAbs,
    String arxivPdf,
    String sources,
    List<PaperCard> similar,
    String similarNote) {

  /** An author and the author's page. */
  public record Author(String name, String href) {}
}
