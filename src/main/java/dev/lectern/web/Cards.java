package dev.lectern.web;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.search.HitText;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.web.view.PaperCard;
import java.time.LocalDate;
import java.util.List;

/**
 * Papers and search hits as the cards of a list: titles and abstracts with their LaTeX decoded and
 * their math in spans for the page's script (the search service gives hits' text that way too).
 */
final class Cards {
  /** Authors named on a card; the rest are counted ("+12 more"). */
  static final int AUTHORS = 6;

  /** The opening of an abstract on a card: about three lines at desktop width. */
  static final int OPENING = 320;

  private Cards() {}

  /** A paper of a day: the opening of its abstract, and all of it to expand. */
  static PaperCard of(Paper p, LocalDate day) {
    return card(
        p.id(),
        HitText.html(p.title()),
        p.authors(),
        p.primaryCategory(),
        day,
        p.upvotes(),
        HitText.abstractHtml(p.abstractText(), OPENING));
  }

  /** A paper of an author's or a category's list: as a day's ({@link #of(Paper, LocalDate)}). */
  static PaperCard listed(Hit h) {
    return card(
        h.id(),
        h.titleHtml(),
        h.authors(),
        h.categories().isEmpty() ? null : h.categories().getFirst(),
        h.submitted(),
        h.upvotes(),
        HitText.abstractHtml(h.abstractText(), OPENING));
  }

  /** A search's hit or a similar paper: the passages that matched, or the abstract's opening. */
  static PaperCard of(Hit h) {
    return card(
        h.id(),
        h.titleHtml(),
        h.authors(),
        h.categories().isEmpty() ? null : h.categories().getFirst(),
        h.submitted(),
        h.upvotes(),
        new HitText.Abstract(h.snippetHtml() == null ? "" : h.snippetHtml(), null));
  }

  private static PaperCard card(
      String id,
      String titleHtml,
      List<String> authors,
      String category,
      LocalDate date,
      Integer upvotes,
      HitText.Abstract text) {
    boolean arxiv = PaperIds.isArxivId(id);
    return new PaperCard(
        id,
        Links.paper(id),
        titleHtml,
        // names may come as LaTeX (Fa\v{c}nka) from a snapshot's author string: shown as letters
        authors.subList(0, Math.min(AUTHORS, authors.size())).stream()
            .map(Latex::toUnicode)
            .toList(),
        Math.max(0, authors.size() - AUTHORS),
        category,
        date == null ? null : date.toString(),
        upvotes,
        text.openingHtml(),
        text.fullHtml(),
        arxiv ? Links.arxivAbs(id) : null,
        arxiv ? Links.arxivPdf(id) : null,
        Links.paper(id) + "#similar",
        null);
  }
}
