package dev.lectern.web;

import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.web.view.Page;
import dev.lectern.web.view.SearchView;
import dev.lectern.web.view.SearchView.Choice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The search page: the form, and a page of hits once there is a query. */
final class SearchPage {
  static final int PAGE_SIZE = 20;

  private final SearchService search;
  private final Renderer renderer;

  SearchPage(SearchService search, Renderer renderer) {
    this.search = search;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/search", this::search);
  }

  private void search(Context ctx) {
    Params p = Params.parse(ctx.queryString(), Set.of("q", "mode", "page"));
    String q = p.get("q") == null ? "" : p.get("q");
    Mode mode = p.choice("mode", Mode.class, Mode.HYBRID);
    int page = p.intIn("page", 1, SearchRequest.MAX_OFFSET / PAGE_SIZE + 1, 1);
    List<Choice> modes = new ArrayList<>();
    for (Mode m : List.of(Mode.HYBRID, Mode.SEMANTIC, Mode.LEXICAL))
      modes.add(new Choice(Renderer.lower(m), Renderer.capitalized(Renderer.lower(m)), m == mode));
    Page layout = renderer.page(q.isBlank() ? "Search" : q + " (search)", q, "search");
    if (q.isBlank()) {
      renderer.render(
          ctx,
          "search.jte",
          new SearchView(
              layout, q, modes, false, "", 0, List.of(), null, 1, List.of(), null, null));
      return;
    }
    int offset = (page - 1) * PAGE_SIZE;
    SearchResult r;
    try {
      r = search.search(new SearchRequest(q, mode, null, null, offset, PAGE_SIZE));
    } catch (QueryException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderer.render(
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
            && offset + PAGE_SIZE <= SearchRequest.MAX_OFFSET
            && r.hits().size() == PAGE_SIZE;
    renderer.render(
        ctx,
        "search.jte",
        new SearchView(
            layout.withExports(Exports.forSearch(ctx.queryString(), q)),
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
        + (mode == Mode.HYBRID ? "" : "&mode=" + Renderer.lower(mode))
        + (page > 1 ? "&page=" + page : "");
  }
}
