package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.json.Json;
import dev.lectern.json.PaperJson;
import dev.lectern.json.SearchJson;
import dev.lectern.json.SimilarJson;
import dev.lectern.json.StatusJson;
import dev.lectern.paper.Paper;
import dev.lectern.search.Filters;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON API, version 1: turns a request into a call on the core services and the result into its
 * JSON shape (package {@code dev.lectern.json}, shared with the command line's {@code --json}).
 * Every failure becomes {@code {"error": "..."}} with a fitting status (see {@link WebServer}). No
 * search logic lives here.
 */
final class Api {
  static final String PREFIX = "/api/v1";
  static final String ENDPOINTS =
      "GET /api/v1/search, /api/v1/papers/{id}, /api/v1/papers/{id}/similar, /api/v1/feed,"
          + " /api/v1/authors/{name}, /api/v1/categories/{cat}, /api/v1/status";
  static final Set<String> SEARCH_PARAMS =
      Set.of("q", "mode", "limit", "offset", "sort", "cat", "from", "to", "author");

  private final SearchService search;
  private final PaperLibrary library;
  private final Background background;

  Api(SearchService search, PaperLibrary library, Background background) {
    this.search = search;
    this.library = library;
    this.background = background;
  }

  void register(RoutesConfig routes) {
    routes.get(
        PREFIX + "/search",
        ctx -> send(ctx, search(Params.parse(ctx.queryString(), SEARCH_PARAMS))));
    routes.get(
        PREFIX + "/status",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          send(ctx, StatusJson.of(background.status(), background.harvestStatus()));
        });
    // <id> takes slashes: old-style arXiv ids (hep-th/9901001) arrive with theirs, encoded or not
    routes.get(
        PREFIX + "/papers/<id>/similar",
        ctx ->
            send(
                ctx,
                similar(ctx.pathParam("id"), Params.parse(ctx.queryString(), Set.of("limit")))));
    routes.get(
        PREFIX + "/papers/<id>",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          send(ctx, PaperJson.of(paper(ctx.pathParam("id"))));
        });
  }

  private Object search(Params p) {
    SearchRequest request =
        new SearchRequest(
            p.get("q"),
            p.choice("mode", Mode.class, Mode.HYBRID),
            new Filters(
                new LinkedHashSet<>(p.all("cat")), p.date("from"), p.date("to"), p.get("author")),
            p.choice("sort", Sort.class, Sort.RELEVANCE),
            p.intIn("offset", 0, SearchRequest.MAX_OFFSET, 0),
            p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 10));
    try {
      return SearchJson.of(request, search.search(request));
    } catch (QueryException e) {
      throw HttpError.badRequest("parameter 'q': " + e.getMessage());
    }
  }

  private Object similar(String id, Params p) {
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 10);
    Paper paper = paper(id);
    try {
      return SimilarJson.of(paper, search.similar(paper.id(), limit));
    } catch (QueryException e) {
      // imported by another process a moment ago: the library has it, the index follows within
      // seconds
      throw HttpError.notFound(
          "paper '" + paper.id() + "' is not in the search index yet; try again in a few seconds");
    }
  }

  private Paper paper(String id) {
    return library
        .get(id)
        .orElseThrow(
            () ->
                HttpError.notFound(
                    "no paper with id '"
                        + id
                        + "' in the library (ids look like 2404.15574, hep-th/9901001 or Lectern's own t-... ids)"));
  }

  static void send(Context ctx, Object body) {
    byte[] bytes = Json.compact(body);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8").result(bytes);
  }

  static Map<String, String> error(String message) {
    return Map.of("error", message);
  }
}
