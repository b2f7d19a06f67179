package dev.lectern.web;

import dev.lectern.feed.DailyFeed;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import dev.lectern.web.view.ErrorView;
import dev.lectern.web.view.Page;
import dev.lectern.web.view.PaperCard;
import dev.lectern.web.view.PaperView;
import dev.lectern.web.view.SearchView;
import dev.lectern.web.view.SearchView.Choice;
import dev.lectern.web.view.TodayView;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web pages: Today, Search and a paper's page, rendered on the server from precompiled JTE
 * templates (src/main/jte), which escape every text they are given. Each handler reads its
 * parameters strictly, asks the core services and fills a view record; no page changes anything.
 */
final class Pages {
  static final int TODAY_PAGE_SIZE = 30;
  static final int SEARCH_PAGE_SIZE = 20;
  static final int SIMILAR = 10;
  private static final int MAX_PAGE = 200;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final SearchService search;
  private final PaperLibrary library;
  private final DailyFeed feed;
  private final String css;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Pages(SearchService search, PaperLibrary library, String css) {
    this.search = search;
    this.library = library;
    this.feed = new DailyFeed(library.days());
    this.css = css;
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::today);
    routes.get("/search", this::search);
    routes.get("/papers/<id>", this::paper);
  }

  private void today(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("day", "sort", "page"));
    LocalDate asked = p.date("day");
    Order order = p.choice("sort", Order.class, Order.TRENDING);
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    LocalDate day = asked != null ? asked : feed.latestDay();
    if (day == null) {
      render(
          ctx,
          "today.jte",
          new TodayView(
              page("Today", "", "today"),
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
    DailyFeed.Day d = feed.day(day, order, (page - 1) * TODAY_PAGE_SIZE, TODAY_PAGE_SIZE);
    List<PaperCard> cards = d.entries().stream().map(e -> Cards.of(e.paper(), e.day())).toList();
    boolean more = d.offset() + cards.size() < d.total();
    render(
        ctx,
        "today.jte",
        new TodayView(
            page(DAY.format(day), "", "today"),
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

  private void search(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("q", "mode", "page"));
    String q = p.get("q") == null ? "" : p.get("q");
    Mode mode = p.choice("mode", Mode.class, Mode.HYBRID);
    int page = p.intIn("page", 1, SearchRequest.MAX_OFFSET / SEARCH_PAGE_SIZE + 1, 1);
    List<Choice> modes = new ArrayList<>();
    for (Mode m : List.of(Mode.HYBRID, Mode.SEMANTIC, Mode.LEXICAL))
      modes.add(new Choice(lower(m), capitalized(lower(m)), m == mode));
    Page layout = page(q.isBlank() ? "Search" : q + " (search)", q, "search");
    if (q.isBlank()) {
      render(
          ctx,
          "search.jte",
          new SearchView(
              layout, q, modes, false, "", 0, List.of(), null, 1, List.of(), null, null));
      return;
    }
    int offset = (page - 1) * SEARCH_PAGE_SIZE;
    SearchResult r;
    try {
      r = search.search(new SearchRequest(q, mode, null, null, offset, SEARCH_PAGE_SIZE));
    } catch (QueryException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(
          ctx,
          "search.jte",
          new SearchView(
              layout, q, modes, false, "", 0, List.of(), e.getMessage(), 1, List.of(), null, null));
      return;
    }
    long total = r.totalHits();
    String totalLabel =
        (r.totalIsExact() ? "" : "about ")
            + String.format(Locale.ROOT, "%,d", total)
            + (total == 1 ? " paper" : " papers");
    boolean more =
        offset + r.hits().size() < total
            && offset + SEARCH_PAGE_SIZE <= SearchRequest.MAX_OFFSET
            && r.hits().size() == SEARCH_PAGE_SIZE;
    render(
        ctx,
        "search.jte",
        new SearchView(
            layout,
            q,
            modes,
            true,
            totalLabel,
            r.took().toMillis(),
            r.notes(),
            null,
            offset + 1,
            r.hits().stream().map(Cards::of).toList(),
            page > 1 ? searchHref(q, mode, page - 1) : null,
            more ? searchHref(q, mode, page + 1) : null));
  }

  private static String searchHref(String q, Mode mode, int page) {
    return "/search?q="
        + Links.encode(q)
        + (mode == Mode.HYBRID ? "" : "&mode=" + lower(mode))
        + (page > 1 ? "&page=" + page : "");
  }

  private void paper(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    String id = ctx.pathParam("id");
    Paper p =
        library
            .get(id)
            .orElseThrow(
                () ->
                    HttpError.notFound(
                        "No paper with the id '"
                            + id
                            + "' is in the library. arXiv ids look like 2404.15574 or hep-th/9901001."));
    if (!p.id().equals(id)) { // a title-only id whose paper has since moved to its arXiv id
      ctx.redirect(Links.paper(p.id()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    List<PaperCard> similar = List.of();
    String similarNote = null;
    try {
      similar = search.similar(p.id(), SIMILAR).stream().map(Cards::of).toList();
      if (similar.isEmpty()) similarNote = "No similar papers found yet.";
    } catch (QueryException e) {
      similarNote =
          "Similar papers are listed once this paper is indexed, within seconds of its import.";
    }
    List<String> dates = new ArrayList<>();
    if (p.submitted() != null) dates.add("submitted " + p.submitted());
    if (p.updated() != null && !p.updated().equals(p.submitted()))
      dates.add("updated " + p.updated());
    if (p.versions() > 0) dates.add(p.versions() + (p.versions() == 1 ? " version" : " versions"));
    boolean arxiv = p.hasArxivId();
    String license = p.license();
    render(
        ctx,
        "paper.jte",
        new PaperView(
            page(p.title(), "", "paper"),
            p.id(),
            p.title(),
            p.authors().stream()
                .map(Latex::toUnicode)
                .map(
                    a ->
                        new PaperView.Author(
                            a, "/search?q=" + Links.encode("author:\"" + a + "\"")))
                .toList(),
            p.categories(),
            dates.isEmpty() ? null : String.join(" · ", dates),
            p.abstractText(),
            p.doi(),
            p.doi() == null ? null : "https://doi.org/" + p.doi(),
            p.journalRef(),
            p.comments(),
            license,
            license != null && (license.startsWith("http://") || license.startsWith("https://"))
                ? license
                : null,
            p.upvotes(),
            arxiv ? Links.arxivAbs(p.id()) : null,
            arxiv ? Links.arxivPdf(p.id()) : null,
            String.join(", ", p.sources()),
            similar,
            similarNote));
  }

  /** An error page in the site's style; the status is set by the caller. */
  void error(Context ctx, int status, String message) {
    String heading =
        switch (status) {
          case 400 -> "That request cannot be answered";
          case 404 -> "Not found";
          case 405 -> "Not allowed";
          default -> status >= 500 ? "Something went wrong" : "That request cannot be answered";
        };
    render(ctx, "error.jte", new ErrorView(page(heading, "", "none"), status, heading, message));
  }

  private Page page(String title, String query, String section) {
    return new Page(title, css, query, section);
  }

  private void render(Context ctx, String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
