package dev.lectern.export;

import dev.lectern.feed.DailyFeed;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchResult.Hit;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperDays;
import dev.lectern.store.PaperDays.Dated;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lists that exports and feeds write: a search's hits or a day's, week's or month's papers,
 * whole papers with the day each counts on, at most {@link #MAX} of them.
 */
public final class PaperLists {
  /** The most papers one export or feed lists. */
  public static final int MAX = 1000;

  private final SearchService search;
  private final PaperDays days;
  private final DailyFeed feed;

  public PaperLists(SearchService search, PaperLibrary library) {
    this.search = search;
    this.days = library.days();
    this.feed = new DailyFeed(library);
  }

  /**
   * The first {@code limit} hits of a search (its offset and limit are ignored), read a page of
   * {@link SearchRequest#MAX_LIMIT} at a time as the search pages do; a paper found again on a
   * later page (hybrid ranks each page's window afresh) is listed once.
   *
   * @throws dev.lectern.search.QueryException for a query that cannot be searched
   */
  public List<Dated> search(SearchRequest request, int limit) {
    int wanted = Math.clamp(limit, 1, MAX);
    Set<String> ids = new LinkedHashSet<>();
    for (int offset = 0; ids.size() < wanted && offset <= SearchRequest.MAX_OFFSET; ) {
      int size = Math.min(SearchRequest.MAX_LIMIT, wanted - ids.size());
      List<Hit> hits = search.search(request.page(offset, size)).hits();
      for (Hit h : hits) if (ids.size() < wanted) ids.add(h.id());
      if (hits.size() < size) break;
      offset += size;
    }
    return days.byIds(new ArrayList<>(ids));
  }

  /** The newest day that has papers, null for an empty library. */
  public LocalDate latestDay() {
    return feed.latestDay();
  }

  /** The first {@code limit} papers of the day, week or month ending at {@code end}, in order. */
  public List<Dated> span(Span span, LocalDate end, Order order, int limit) {
    return feed.list(span, end, order, 0, Math.clamp(limit, 1, MAX)).entries().stream()
        .map(e -> new Dated(e.paper(), e.day()))
        .toList();
  }
}
