package dev.lectern.web;

import dev.lectern.digest.Subscription;
import dev.lectern.digest.Subscriptions;
import dev.lectern.paper.Latex;
import dev.lectern.search.Filters;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.web.view.ListView;
import dev.lectern.web.view.ListView.Facet;
import dev.lectern.web.view.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An author's papers ({@code /authors/{name}}) and a category's ({@code /categories/{cat}}), newest
 * first, a page at a time; the API's {@code /api/v1/authors} and {@code /categories} read their
 * names the same way ({@link #author}, {@link #category}).
 */
final class ListPages {
  static final int PAGE_SIZE = 30;
  static final int MAX_PAGE = SearchService.MAX_LIST_OFFSET / PAGE_SIZE + 1;

  /** Categories named at the top of the list; more would fill a phone's screen. */
  static final int CATEGORIES_SHOWN = 8;

  /** Longer than any real name (arXiv's longest are under 100 characters). */
  static final int MAX_NAME = 300;

  /** An arXiv category ({@code cs.LG}, {@code cond-mat.str-el}) or archive ({@code hep-th}). */
  private static final Pattern CATEGORY =
      Pattern.compile("[a-z][a-z-]{0,19}(\\.[A-Za-z][A-Za-z-]{0,19})?");

  private final SearchService search;
  private final Renderer renderer;
  private final MarkForms marks;
  private final Subscriptions subscriptions;

  /**
   * @param subscriptions where follows are kept; null offers no "Follow"
   */
  ListPages(SearchService search, Renderer renderer, MarkForms marks, Subscriptions subscriptions) {
    this.search = search;
    this.renderer = renderer;
    this.marks = marks;
    this.subscriptions = subscriptions;
  }

  void register(RoutesConfig routes) {
    routes.get("/authors/<name>", ctx -> list(ctx, Of.AUTHOR, author(ctx.pathParam("name"))));
    routes.get("/categories/<cat>", ctx -> list(ctx, Of.CATEGORY, category(ctx.pathParam("cat"))));
  }

  /** An author's name from a path: its LaTeX shown as letters, as the papers' cards show it. */
  static String author(String name) {
    String n = name.strip();
    if (n.isEmpty())
      throw HttpError.badRequest("an author's name is missing: /authors/Ada%20Lovelace");
    if (n.length() > MAX_NAME)
      throw HttpError.badRequest("an author's name has at most " + MAX_NAME + " characters");
    return Latex.toUnicode(n);
  }

  static String category(String cat) {
    String c = cat.strip();
    if (!CATEGORY.matcher(c).matches())
      throw HttpError.badRequest(
          "a category looks like cs.LG, math.AG, hep-th or cs (an archive and its categories), not '"
              + (c.length() > 40 ? c.substring(0, 40) + "..." : c)
              + "'");
    return c;
  }

  /** What a list holds the papers of: an author or a category. */
  enum Of {
    AUTHOR,
    CATEGORY;

    Filters filters(String name) {
      return this == AUTHOR
          ? new Filters(Set.of(), null, null, name)
          : new Filters(Set.of(name), null, null, null);
    }

    String href(String name) {
      return this == AUTHOR ? Links.author(name) : Links.category(name);
    }

    /** A search for the same papers, to narrow them with words. */
    String searchHref(String name) {
      return "/search?q="
          + Links.encode(
              this == AUTHOR ? "author:\"" + name.replace("\"", "") + "\"" : "cat:" + name);
    }

    /** The 404 for a name no paper carries, in the page's and the API's words alike. */
    HttpError none(String name) {
      return HttpError.notFound(
          this == AUTHOR
              ? "No paper in the library has an author named '" + name + "'."
              : "No paper in the library is listed in the category '" + name + "'.");
    }
  }

  private void list(Context ctx, Of of, String name) {
    Params p = Params.parse(ctx.queryString(), Set.of("page"));
    int page = p.intIn("page", 1, MAX_PAGE, 1);
    int offset = (page - 1) * PAGE_SIZE;
    SearchResult r = search.newest(of.filters(name), offset, PAGE_SIZE);
    if (r.totalHits() == 0) throw of.none(name);
    String base = of.href(name);
    long total = r.totalHits();
    boolean more =
        offset + r.hits().size() < total && page < MAX_PAGE && r.hits().size() == PAGE_SIZE;
    Page layout = renderer.page(ctx, of == Of.AUTHOR ? name : name + " (category)", "", "none");
    renderer.render(
        ctx,
        "list.jte",
        new ListView(
            layout,
            Renderer.lower(of),
            name,
            String.format(
                Locale.ROOT, "%,d %s, newest first", total, total == 1 ? "paper" : "papers"),
            categories(r, of, name),
            of.searchHref(name),
            offset + 1,
            marks.decorate(ctx, r.hits().stream().map(Cards::listed).toList()),
            page > 1 ? base + (page == 2 ? "" : "?page=" + (page - 1)) : null,
            more ? base + "?page=" + (page + 1) : null,
            total > (long) MAX_PAGE * PAGE_SIZE && page == MAX_PAGE
                ? "The pages stop at the newest "
                    + String.format(Locale.ROOT, "%,d", (long) MAX_PAGE * PAGE_SIZE)
                    + " papers; a search with a date range reaches older ones."
                : null,
            follow(of, name, layout.viewer().userId())));
  }

  private ListView.Follow follow(Of of, String name, long userId) {
    if (subscriptions == null) return null;
    Subscription.Kind kind =
        of == Of.AUTHOR ? Subscription.Kind.AUTHOR : Subscription.Kind.CATEGORY;
    var followed = subscriptions.find(userId, kind, name);
    return new ListView.Follow(
        kind.key(),
        name,
        followed.isPresent(),
        followed.map(Subscription::id).orElse(0L),
        of.href(name));
  }

  /**
   * The papers' categories but the page's own, the most frequent few: where else they are listed.
   */
  private static List<Facet> categories(SearchResult r, Of of, String name) {
    return r.facets().getOrDefault("category", List.of()).stream()
        .filter(f -> !(of == Of.CATEGORY && f.value().equals(name)))
        .limit(CATEGORIES_SHOWN)
        .map(f -> new Facet(f.value(), Links.category(f.value()), f.count()))
        .toList();
  }
}
