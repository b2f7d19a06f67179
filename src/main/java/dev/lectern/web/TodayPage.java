package dev.lectern.web;

import dev.lectern.feed.DailyFeed;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.TodayView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The home page: the papers of a day, trending or newest first, a page at a time. */
final class TodayPage {
  static final int PAGE_SIZE = 30;
  private static final int MAX_PAGE = 200;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final DailyFeed feed;
  private final Renderer renderer;

  TodayPage(DailyFeed feed, Renderer renderer) {
    this.feed = feed;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::today);
  }

  private void today(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("day", "sort", "page"));
    LocalDate asked = p.date("day");
    Order order = p.choice("sort", Order.class, Order.TRENDING);
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    LocalDate day = asked != null ? asked : feed.latestDay();
    if (day == null) {
      renderer.render(
          ctx,
          "today.jte",
          new TodayView(
              renderer.page("Today", "", "today"),
              true,
              "",
              "",
              null,
              null,
              null,
              null,
              true,
              null,
              null,
              0,
              1,
              List.of(),
              null,
              null));
      return;
    }
    DailyFeed.Day d = feed.day(day, order, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    List<PaperCard> cards = d.entries().stream().map(e -> Cards.of(e.paper(), e.day())).toList();
    boolean more = d.offset() + cards.size() < d.total();
    renderer.render(
        ctx,
        "today.jte",
        new TodayView(
            renderer.page(DAY.format(day), "", "today").withExports(Exports.forDay(day, order)),
            false,
            DAY.format(day),
            day.toString(),
            d.previous() == null ? null : todayHref(d.previous(), order, 1),
            label(d.previous()),
            d.next() == null ? null : todayHref(d.next(), order, 1),
            label(d.next()),
            order == Order.TRENDING,
            todayHref(day, Order.TRENDING, 1),
            todayHref(day, Order.NEWEST, 1),
            d.total(),
            d.offset() + 1,
            cards,
            page > 1 ? todayHref(day, order, page - 1) : null,
            more ? todayHref(day, order, page + 1) : null));
  }

  private static String label(LocalDate day) {
    return day == null ? null : SHORT_DAY.format(day);
  }

  private static String todayHref(LocalDate day, Order order, int page) {
    return "/?day="
        + day
        + (order == Order.NEWEST ? "&sort=newest" : "")
        + (page > 1 ? "&page=" + page : "");
  }
}
