package dev.lectern.web;

import dev.lectern.feed.DailyFeed;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.TodayView;
import dev.lectern.web.view.TodayView.Tab;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The home page: the papers of a day, a week or a month, trending or newest first, a page at a
 * time.
 */
final class TodayPage {
  static final int PAGE_SIZE = 30;
  static final int MAX_PAGE = 200;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final DailyFeed feed;
  private final Renderer renderer;
  private final MarkForms marks;

  TodayPage(DailyFeed feed, Renderer renderer, MarkForms marks) {
    this.feed = feed;
    this.renderer = renderer;
    this.marks = marks;
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::today);
  }

  private void today(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("day", "span", "sort", "page"));
    LocalDate asked = p.date("day");
    Span span = p.choice("span", Span.class, Span.DAY);
    Order order = p.choice("sort", Order.class, Order.TRENDING);
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    LocalDate day = asked != null ? asked : feed.latestDay();
    if (day == null) {
      renderer.render(ctx, "today.jte", empty(ctx));
      return;
    }
    DailyFeed.Listing l = feed.list(span, day, order, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    List<PaperCard> cards =
        marks.decorate(ctx, l.entries().stream().map(e -> Cards.of(e.paper(), e.day())).toList());
    boolean more = l.offset() + cards.size() < l.total() && page < MAX_PAGE;
    String heading = heading(span, l.from(), l.to());
    renderer.render(
        ctx,
        "today.jte",
        new TodayView(
            renderer.page(ctx, heading, "", "today").withExports(Exports.forList(span, day, order)),
            false,
            heading,
            Arrays.stream(Span.values())
                .map(s -> new Tab(spanLabel(s), href(s, day, order, 1), s == span))
                .toList(),
            Arrays.stream(Order.values())
                .map(o -> new Tab(orderLabel(o), href(span, day, o, 1), o == order))
                .toList(),
            l.previous() == null ? null : href(span, l.previous(), order, 1),
            label(span, l.previous()),
            l.next() == null ? null : href(span, l.next(), order, 1),
            label(span, l.next()),
            String.format(Locale.ROOT, "%,d %s", l.total(), l.total() == 1 ? "paper" : "papers"),
            switch (span) {
              case DAY -> "No papers on this day.";
              case WEEK -> "No papers in this week.";
              case MONTH -> "No papers in these 30 days.";
            },
            l.offset() + 1,
            cards,
            page > 1 ? href(span, day, order, page - 1) : null,
            more ? href(span, day, order, page + 1) : null));
  }

  private TodayView empty(Context ctx) {
    return new TodayView(
        renderer.page(ctx, "Today", "", "today"),
        true,
        "",
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        "",
        "",
        1,
        List.of(),
        null,
        null);
  }

  /** Wednesday 13 March 2024; 7–13 March 2024; 13 February – 13 March 2024. */
  static String heading(Span span, LocalDate from, LocalDate to) {
    if (span == Span.DAY) return DAY.format(to);
    String last = to.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    if (from.getYear() != to.getYear())
      return from.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)) + " – " + last;
    if (from.getMonth() != to.getMonth())
      return from.format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH)) + " – " + last;
    return from.getDayOfMonth() + "–" + last;
  }

  /** A neighbouring span by its last day: "Tue 12 Mar", or "to Tue 12 Mar" for a longer span. */
  private static String label(Span span, LocalDate end) {
    if (end == null) return null;
    return (span == Span.DAY ? "" : "to ") + SHORT_DAY.format(end);
  }

  private static String spanLabel(Span s) {
    return switch (s) {
      case DAY -> "Day";
      case WEEK -> "Week";
      case MONTH -> "Month";
    };
  }

  private static String orderLabel(Order o) {
    return switch (o) {
      case TRENDING -> "Trending";
      case NEWEST -> "Newest";
    };
  }

  static String href(Span span, LocalDate day, Order order, int page) {
    return "/?day="
        + day
        + (span == Span.DAY ? "" : "&span=" + Renderer.lower(span))
        + (order == Order.NEWEST ? "&sort=newest" : "")
        + (page > 1 ? "&page=" + page : "");
  }
}
