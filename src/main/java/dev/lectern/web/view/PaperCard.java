package dev.lectern.web.view;

import java.util.List;

/**
 * A paper in a list (Today, similar papers). Text is plain, escaped by the templates, except the
 * {@code Html} fields, which the search service escaped and marked.
 *
 * @param titleHtml the title, escaped, with matched words in {@code <mark>}
 * @param openingHtml the opening of the abstract or the passages that matched, escaped and marked
 * @param abstractHtml the whole abstract, escaped, for a reader to expand the opening to; null when
 *     the opening is all of it, or for a search's passages
 * @param moreAuthors authors left out of {@code authors}, 0 for none
 * @param arxivAbs and {@code arxivPdf}: arXiv's pages, null for a paper without an arXiv id
 * @param marks the viewer's votes, save and dismissal with their buttons; null for none shown
 */
public record PaperCard(
    String id,
    String href,
    String titleHtml,
    List<String> authors,
    int moreAuthors,
    String category,
    String date,
    Integer upvotes,
    String openingHtml,
    String abstractHtml,
    String arxivAbs,
    String arxivPdf,
    String similarHref,
    MarkState marks) {

  public PaperCard withMarks(MarkState m) {
    return new PaperCard(
        id,
        href,
        titleHtml,
        authors,
        moreAuthors,
        category,
        date,
        upvotes,
        openingHtml,
        abstractHtml,
        arxivAbs,
        arxivPdf,
        similarHref,
        m);
  }
}
