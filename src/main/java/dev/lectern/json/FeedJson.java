package dev.lectern.json;

import dev.lectern.feed.DailyFeed.Entry;
import dev.lectern.feed.DailyFeed.Listing;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import java.util.List;

/**
 * A page of the papers of a day, a week or a month (the span ending at {@code day}), ranked by
 * trending or newest first.
 *
 * @param span day, week or month
 * @param from the span's first day, {@code day} its last (null for an empty library)
 * @param previous the last day of the span before that has papers, null when none; {@code next}
 *     likewise after
 * @param total papers of the span
 * @param entries the page: each paper with the day it counts on and its trending score
 */
public record FeedJson(
    String span,
    String day,
    String from,
    String sort,
    String previous,
    String next,
    int total,
    int offset,
    int limit,
    List<EntryJson> entries) {

  /**
   * @param day the paper's submission date, or the day it entered the library when it has none
   * @param score its trending score, also when listed newest first
   */
  public record EntryJson(String day, double score, PaperJson paper) {
    static EntryJson of(Entry e) {
      return new EntryJson(e.day().toString(), e.score(), PaperJson.of(e.paper()));
    }
  }

  /** The feed of an empty library: no day, no papers. */
  public static FeedJson empty(Span span, Order order, int offset, int limit) {
    return new FeedJson(
        SearchJson.lower(span),
        null,
        null,
        SearchJson.lower(order),
        null,
        null,
        0,
        offset,
        limit,
        List.of());
  }

  public static FeedJson of(Listing l, int limit) {
    return new FeedJson(
        SearchJson.lower(l.span()),
        l.to().toString(),
        l.from().toString(),
        SearchJson.lower(l.order()),
        PaperJson.iso(l.previous()),
        PaperJson.iso(l.next()),
        l.total(),
        l.offset(),
        limit,
        l.entries().stream().map(EntryJson::of).toList());
  }
}
