package dev.lectern.web;

import dev.lectern.export.AtomFeed;
import dev.lectern.export.Bibtex;
import dev.lectern.export.PaperCsv;
import dev.lectern.export.PaperLists;
import dev.lectern.feed.DailyFeed.Order;
import dev.lectern.feed.DailyFeed.Span;
import dev.lectern.json.PaperJson;
import dev.lectern.paper.Paper;
import dev.lectern.search.Filters;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.store.PaperDays.Dated;
import dev.lectern.store.PaperLibrary;
import dev.lectern.web.view.Citation;
import dev.lectern.web.view.ListExports;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A paper's BibTeX, and any search's or day's papers as BibTeX, CSV, JSON or an Atom feed: {@code
 * /papers/{id}.bib}, {@code /search.{bib,csv,json,atom}} with the parameters of the API's search,
 * {@code /feed.{bib,csv,json,atom}} with Today's. The formats are written in core ({@code
 * dev.lectern.export}); this only reads the request and sends the file.
 */
final class Exports {
  /** Entries of an Atom feed unless {@code limit} says otherwise: feeds are polled often. */
  static final int FEED_ENTRIES = 50;

  static final Set<String> SEARCH_PARAMS =
      Set.of("q", "mode", "sort", "cat", "from", "to", "author", "limit");
  static final Set<String> DAY_PARAMS = Set.of("day", "span", "sort", "limit");

  enum Format {
    BIB("application/x-bibtex; charset=utf-8"),
    CSV("text/csv; charset=utf-8; header=present"),
    JSON("application/json; charset=utf-8"),
    ATOM("application/atom+xml; charset=utf-8");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final PaperLists lists;
  private final PaperLibrary library;
  private final PublicAddress address;

  Exports(PaperLists lists, PaperLibrary library, PublicAddress address) {
    this.lists = lists;
    this.library = library;
    this.address = address;
  }

  /** Before the paper page's route, which would take {@code 2404.15574.bib} for an id. */
  void register(RoutesConfig routes) {
    routes.get("/papers/<id>.bib", this::paperBibtex);
    for (Format f : Format.values()) {
      routes.get("/search." + f.extension(), ctx -> search(ctx, f));
      routes.get("/feed." + f.extension(), ctx -> day(ctx, f));
    }
  }

  private void paperBibtex(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    String id = ctx.pathParam("id");
    Paper p = library.get(id).orElseThrow(() -> PaperPage.unknown(id));
    if (!p.id().equals(id)) { // a title-only id whose paper has since moved to its arXiv id
      ctx.redirect(bibHref(p.id()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    send(ctx, Format.BIB, fileName(p.id()), Bibtex.entry(p));
  }

  /** The paper page's BibTeX box. */
  static Citation citation(Paper p) {
    String bibtex = Bibtex.entry(p).stripTrailing();
    return new Citation(bibtex, (int) bibtex.lines().count(), bibHref(p.id()), fileName(p.id()));
  }

  static String bibHref(String id) {
    return Links.paper(id) + ".bib";
  }

  private void search(Context ctx, Format format) {
    Params p = Params.parse(ctx.queryString(), SEARCH_PARAMS);
    String q = p.get("q") == null ? "" : p.get("q");
    SearchRequest request =
        new SearchRequest(
            q,
            p.choice("mode", Mode.class, Mode.HYBRID),
            new Filters(
                new LinkedHashSet<>(p.all("cat")), p.date("from"), p.date("to"), p.get("author")),
            // a feed follows what is new; a file keeps the page's order
            p.choice("sort", Sort.class, format == Format.ATOM ? Sort.DATE : Sort.RELEVANCE),
            0,
            SearchRequest.MAX_LIMIT);
    int limit = limit(p, format);
    List<Dated> papers;
    try {
      papers = lists.search(request, limit);
    } catch (QueryException e) {
      throw HttpError.badRequest("parameter 'q': " + e.getMessage());
    }
    String name = q.isBlank() ? "lectern-search" : "lectern-search-" + slug(q);
    String title = q.isBlank() ? "Lectern: newest papers" : "Lectern: " + q;
    write(ctx, format, papers, name, title, "/search?" + without(ctx.queryString(), "limit"));
  }

  private void day(Context ctx, Format format) {
    Params p = Params.parse(ctx.queryString(), DAY_PARAMS);
    LocalDate asked = p.date("day");
    Span span = p.choice("span", Span.class, Span.DAY);
    Order order = p.choice("sort", Order.class, Order.TRENDING);
    int limit = limit(p, format);
    LocalDate day = asked != null ? asked : lists.latestDay();
    List<Dated> papers = day == null ? List.of() : lists.span(span, day, order, limit);
    String sorted = order == Order.TRENDING ? "trending" : "newest";
    String what = span == Span.DAY ? "day" : Renderer.lower(span);
    String title =
        asked == null
            ? "Lectern: " + sorted + " papers of the newest " + what
            : "Lectern: "
                + sorted
                + " papers of "
                + (span == Span.DAY ? "" : "the " + what + " to ")
                + day;
    String name =
        "lectern-"
            + (day == null ? "today" : day)
            + (span == Span.DAY ? "" : "-" + what)
            + "-"
            + sorted;
    write(ctx, format, papers, name, title, "/?" + without(ctx.queryString(), "limit"));
  }

  private static int limit(Params p, Format format) {
    return p.intIn(
        "limit", 1, PaperLists.MAX, format == Format.ATOM ? FEED_ENTRIES : PaperLists.MAX);
  }

  private void write(
      Context ctx, Format format, List<Dated> papers, String name, String title, String page) {
    List<Paper> list = papers.stream().map(Dated::paper).toList();
    switch (format) {
      case BIB -> send(ctx, format, name + ".bib", Bibtex.entries(list));
      case CSV -> send(ctx, format, name + ".csv", PaperCsv.write(list));
      case JSON -> {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
        Api.send(ctx, list.stream().map(PaperJson::of).toList());
      }
      case ATOM -> {
        String base = address.of(ctx);
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        AtomFeed.Spec spec =
            new AtomFeed.Spec(
                title,
                AtomFeed.tagId(ctx.path().substring(1) + query),
                base + ctx.path() + query,
                base + (page.endsWith("?") ? page.substring(0, page.length() - 1) : page),
                id -> base + Links.paper(id));
        send(ctx, format, null, AtomFeed.write(spec, papers, LocalDate.now()));
      }
    }
  }

  static void send(Context ctx, Format format, String fileName, String body) {
    if (fileName != null)
      ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(format.contentType).result(body);
  }

  /** The raw query string without one parameter (a page of a search, a feed's length). */
  static String without(String rawQuery, String name) {
    if (rawQuery == null || rawQuery.isEmpty()) return "";
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!pair.isEmpty() && !Links.decode(key).equals(name)) kept.add(pair);
    }
    return String.join("&", kept);
  }

  /** A file name's part from a query: lower-case ASCII letters and digits, dashes between. */
  static String slug(String q) {
    String s =
        java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
    return s.isEmpty() ? "query" : s;
  }

  private static String fileName(String id) {
    return id.replace('/', '-') + ".bib";
  }

  /** The links of a search page whose query string is {@code rawQuery}. */
  static ListExports forSearch(String rawQuery, String q) {
    String query = without(rawQuery, "page");
    return new ListExports(
        "these results",
        "Atom feed",
        "/search.atom?" + query,
        "Lectern: " + q,
        "/search.bib?" + query,
        "/search.csv?" + query,
        "/search.json?" + query);
  }

  /**
   * The links of Today's page showing the day, week or month ending at {@code day}; its feed is
   * always the newest day's.
   */
  static ListExports forList(Span span, LocalDate day, Order order) {
    String query =
        "day="
            + day
            + (span == Span.DAY ? "" : "&span=" + Renderer.lower(span))
            + (order == Order.NEWEST ? "&sort=newest" : "");
    return new ListExports(
        span == Span.DAY ? "this day" : "this " + Renderer.lower(span),
        "Atom feed of the newest day",
        "/feed.atom",
        "Lectern: trending papers of the newest day",
        "/feed.bib?" + query,
        "/feed.csv?" + query,
        "/feed.json?" + query);
  }
}
