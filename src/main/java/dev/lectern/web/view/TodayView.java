package dev.lectern.web.view;

import java.util.List;

/**
 * The papers of a day.
 *
 * @param empty the library has no paper at all: the page says how to import some
 * @param dayLabel the day as people read it (Wednesday 13 March 2024); empty when {@code empty}
 * @param previousHref and {@code nextHref}: the nearest days with papers, null when none
 * @param trendingHref and {@code newestHref}: this day in either order
 * @param olderHref and {@code newerHref}: the page before or after this one of the same day, null
 *     when none
 */
public record TodayView(
    Page page,
    boolean empty,
    String dayLabel,
    String dayIso,
    String previousHref,
    String previousLabel,
    String nextHref,
    String nextLabel,
    boolean trending,
    String trendingHref,
    String newestHref,
    int total,
    int first,
    List<PaperCard> papers,
    String newerHref,
    String olderHref) {}
