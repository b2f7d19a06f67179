package dev.lectern.json;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper as the library has it, with links to arXiv where it has an arXiv id (null otherwise).
 * Title and abstract are as stored, LaTeX included.
 */
public record PaperJson(
    String id,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    String submitted,
    String updated,
    int versions,
    String doi,
    String journalRef,
    String comments,
    String license,
    Integer upvotes,
    List<String> sources,
    String arxivUrl,
    String pdfUrl) {

  public static PaperJson of(Paper p) {
    boolean arxiv = p.hasArxivId();
    return new PaperJson(
        p.id(),
        p.title(),
        p.abstractText(),
        p.authors(),
        p.categories(),
        iso(p.submitted()),
        iso(p.updated()),
        p.versions(),
        p.doi(),
        p.journalRef(),
        p.comments(),
        p.license(),
        p.upvotes(),
        List.copyOf(p.sources()),
        arxiv ? PaperIds.arxivAbsUrl(p.id()) : null,
        arxiv ? PaperIds.arxivPdfUrl(p.id()) : null);
  }

  static String iso(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
