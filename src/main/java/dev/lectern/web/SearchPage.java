package dev.lectern.web;

import dev.lectern.digest.InvalidInput;
import dev.lectern.digest.SavedQuery;
import dev.lectern.digest.Subscription;
import dev.lectern.digest.Subscriptions;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchService;
import dev.lectern.web.view.Page;
import dev.lectern.web.view.SearchView;
import dev.lectern.web.view.SearchView.Choice;
import dev.lectern.web.view.SearchView.Results;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The search page: the form, and a page of hits once there is a query. */
final class SearchPage {
  static final int PAGE_SIZE = 20;

  private final SearchService search;
  private final Renderer renderer;
  private final Subscriptions subscriptions;

  private final MarkForms marks;

  /**
   * @param subscriptions where searches are saved; null offers no "Save this search"
   */
  SearchPage(
      SearchService search, Renderer renderer, MarkForms marks, Subscriptions subscriptions) {
    this.search = search;
    this.renderer = renderer;
    this.marks = marks;
    this.subscriptions = subscriptions;
  }

  void register(RoutesConfig routes) {
    routes.get("/search", this::search);
  }

  private void search(Context ctx) {
    Params p = Params.parse(ctx.queryString(), SearchForm.PARAMS);
    SearchForm form = SearchForm.read(p);
    int page = p.intIn("page", 1, SearchRequest.MAX_OFFSET / PAGE_SIZE + 1, 1);
    String canonical = form.href(page);
    if (!p.sameAs(Params.parse(query(canonical), SearchForm.PARAMS))) {
      // the form sends every field, empty or default; its search has a shorter link
      ctx.redirect(canonical, HttpStatus.SEE_OTHER);
      return;
    }
    String q = form.query();
    Page layout = renderer.page(ctx, q.isBlank() ? "Search" : q + " (search)", q, "search");
    SearchView.Form formView = formView(form);
    if (!form.isSearch()) {
      renderer.render(ctx, "search.jte", new SearchView(layout, formView, null, null));
      return;
    }
    int offset = (page - 1) * PAGE_SIZE;
    SearchResult r;
    try {
      r = search.search(form.request(offset, PAGE_SIZE));
    } catch (QueryException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderer.render(ctx, "search.jte", new SearchView(layout, formView, e.getMessage(), null));
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
    Results results =
        new Results(
            totalLabel,
            r.took().toMillis(),
            r.notes(),
            SearchFacets.active(form),
            SearchFacets.groups(form, r.facets()),
            r.facetsCountAll(),
            offset + 1,
            marks.decorate(ctx, r.hits().stream().map(Cards::of).toList()),
            page > 1 ? form.href(page - 1) : null,
            more ? form.href(page + 1) : null,
            save(form, layout.viewer().userId()));
    String feedTitle = q.isBlank() ? "filtered papers" : q;
    renderer.render(
        ctx,
        "search.jte",
        new SearchView(
            layout.withExports(Exports.forSearch(ctx.queryString(), feedTitle)),
            formView,
            null,
            results));
  }

  /** The "Save this search" form for this search: saved as its link's query, page left out. */
  private SearchView.SaveSearch save(SearchForm form, long userId) {
    if (subscriptions == null) return null;
    String query = query(form.href(1));
    SavedQuery saved;
    try {
      saved = SavedQuery.parse(query);
    } catch (InvalidInput e) {
      return null; // a search too long to save is still searched
    }
    boolean done =
        subscriptions.find(userId, Subscription.Kind.SEARCH, saved.canonical()).isPresent();
    return new SearchView.SaveSearch(query, saved.defaultName(), done);
  }

  private static String query(String href) {
    int at = href.indexOf('?');
    return at < 0 ? null : href.substring(at + 1);
  }

  private static SearchView.Form formView(SearchForm form) {
    return new SearchView.Form(
        form.query(),
        choices(List.of(Mode.HYBRID, Mode.SEMANTIC, Mode.LEXICAL), form.mode()),
        choices(List.of(Sort.RELEVANCE, Sort.DATE, Sort.POPULARITY), form.sort()),
        String.join(", ", form.categories()),
        form.from() == null ? "" : form.from().toString(),
        form.to() == null ? "" : form.to().toString(),
        form.author() == null ? "" : form.author(),
        form.hasFilters() || form.sort() != Sort.RELEVANCE);
  }

  private static <E extends Enum<E>> List<Choice> choices(List<E> options, E chosen) {
    List<Choice> out = new ArrayList<>();
    for (E e : options) {
      String label =
          e == Sort.DATE
              ? "Newest"
              : e == Sort.POPULARITY ? "Most upvoted" : Renderer.capitalized(Renderer.lower(e));
      out.add(new Choice(Renderer.lower(e), label, e == chosen));
    }
    return out;
  }
}
