package dev.lectern.web;

import dev.lectern.feed.DailyFeed;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import dev.lectern.json.FeedJson;
import dev.lectern.json.PapersJson;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.web.ListPages.Of;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Set;

/**
 * The API's lists of papers: a day's, week's or month's feed ({@code /api/v1/feed}), an author's
 * and a category's papers. The pages show the same lists (TodayPage, ListPages).
 */
final class BrowseApi {
  static final int MAX_OFFSET = SearchService.MAX_LIST_OFFSET;
  static final int DEFAULT_LIMIT = 30;
  static final Set<String> FEED_PARAMS = Set.of("span", "day", "sort", "offset", "limit");

  private final DailyFeed feed;
  private final SearchService search;

  BrowseApi(DailyFeed feed, SearchService search) {
    this.feed = feed;
    this.search = search;
  }

  void register(RoutesConfig routes) {
    Api.get(
        routes,
        Api.PREFIX + "/feed",
        ctx -> Api.send(ctx, feed(Params.parse(ctx.queryString(), FEED_PARAMS))));
    Api.get(
        routes,
        Api.PREFIX + "/authors/{name}",
        ctx -> Api.send(ctx, papers(Of.AUTHOR, ListPages.author(ctx.pathParam("name")), ctx)));
    Api.get(
        routes,
        Api.PREFIX + "/categories/{cat}",
        ctx -> Api.send(ctx, papers(Of.CATEGORY, ListPages.category(ctx.pathParam("cat")), ctx)));
  }

  private Object feed(Params p) {
    Span span = p.choice("span", Span.class, Span.DAY);
    Order order = p.choice("sort", Order.class, Order.TRENDING);
    LocalDate asked = p.date("day");
    int offset = p.intIn("offset", 0, MAX_OFFSET, 0);
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, DEFAULT_LIMIT);
    LocalDate day = asked != null ? asked : feed.latestDay();
    if (day == null) return FeedJson.empty(span, order, offset, limit); // an empty library
    return FeedJson.of(feed.list(span, day, order, offset, limit), limit);
  }

  private Object papers(Of of, String name, Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("offset", "limit"));
    int offset = p.intIn("offset", 0, MAX_OFFSET, 0);
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, DEFAULT_LIMIT);
    SearchResult r = search.newest(of.filters(name), offset, limit);
    if (r.totalHits() == 0) throw of.none(name);
    return of == Of.AUTHOR
        ? PapersJson.byAuthor(name, r, offset, limit)
        : PapersJson.inCategory(name, r, offset, limit);
  }
}
