package dev.lectern.web.view;

import java.util.List;

/**
 * The papers of a day, a week or a month.
 *
 * @param empty the library has no paper at all: the page says how to import some
 * @param heading the span as people read it (Wednesday 13 March 2024, 7-13 March 2024); empty when
 *     {@code empty}
 * @param spans day, week and month ending at the same day; {@code orders} trending and newest
 * @param previousHref and {@code nextHref}: the neighbouring spans with papers, null when none
 * @param count the span's papers, e.g. "2,000 papers"
 * @param noneLabel what the page says when the span has no paper
 * @param olderHref and {@code newerHref}: the page before or after this one of the same span, null
 *     when none
 */
public record TodayView(
    Page page,
    boolean empty,
    String heading,
    List<Tab> spans,
    List<Tab> orders,
    String previousHref,
    String previousLabel,
    String nextHref,
    String nextLabel,
    String count,
    String noneLabel,
    int first,
    List<PaperCard> papers,
    String newerHref,
    String olderHref) {

  /** A link among choices, one of them the page itself. */
  public record Tab(String label, String href, boolean current) {}
}
