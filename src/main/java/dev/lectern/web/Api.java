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
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JSON API, version 1: turns a request into a call on the core services and the result into its
 * JSON shape (package {@code dev.lectern.json}, shared with the command line's {@code --json}).
 * Every failure becomes {@code {"error": "..."}} with a fitting status (see {@link WebServer}). No
 * search logic lives here.
 */
final class Api {
  static final String PREFIX = "/api/v1";

  /**
   * Every path of the API, as {@code openapi.json} writes it: the one list that registers the
   * routes ({@link #get}), names them in a 404 ({@link #ENDPOINTS}) and that OpenApiTest holds the
   * document to.
   */
  static final List<String> PATHS =
      Stream.of(
              "/search",
              "/papers/{id}",
              "/papers/{id}/similar",
              "/feed",
              "/authors/{name}",
              "/categories/{cat}",
              "/status",
              "/openapi.json",
              "/me",
              "/me/saved",
              "/me/saved/{id}",
              "/me/votes/{id}",
              "/me/dismissed/{id}",
              "/me/collections",
              "/me/collections/{id}")
          .map(path -> PREFIX + path)
          .toList();

  /**
   * The paths anyone may read in multi-user mode, without signing in: the library, not a user's
   * data. A path added to {@link #PATHS} needs an account unless it is added here too.
   */
  static final List<String> PUBLIC_PATHS =
      PATHS.stream()
          .filter(path -> !path.equals(PREFIX + "/me") && !path.startsWith(PREFIX + "/me/"))
          .toList();

  static final String ENDPOINTS = String.join(", ", PATHS);
  static final Set<String> SEARCH_PARAMS =
      Set.of("q", "mode", "limit", "offset", "sort", "cat", "from", "to", "author");

  /** The OpenAPI 3.1 document of this API, served as it is. */
  private static final byte[] OPENAPI = load("/web/openapi.json");

  private final SearchService search;
  private final PaperLibrary library;
  private final Background background;

  Api(SearchService search, PaperLibrary library, Background background) {
    this.search = search;
    this.library = library;
    this.background = background;
  }

  void register(RoutesConfig routes) {
    get(
        routes,
        PREFIX + "/openapi.json",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          ctx.header("Cache-Control", "no-cache");
          ctx.contentType("application/json; charset=utf-8").result(OPENAPI);
        });
    get(
        routes,
        PREFIX + "/search",
        ctx -> send(ctx, search(Params.parse(ctx.queryString(), SEARCH_PARAMS))));
    get(
        routes,
        PREFIX + "/status",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          send(ctx, StatusJson.of(background.status(), background.harvestStatus()));
        });
    // <id> takes slashes: old-style arXiv ids (hep-th/9901001) arrive with theirs, encoded or not
    get(
        routes,
        PREFIX + "/papers/{id}/similar",
        ctx ->
            send(
                ctx,
                similar(ctx.pathParam("id"), Params.parse(ctx.queryString(), Set.of("limit")))));
    get(
        routes,
        PREFIX + "/papers/{id}",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          send(ctx, PaperJson.of(paper(ctx.pathParam("id"))));
        });
  }

  /**
   * Registers a GET route at one of {@link #PATHS}; its {@code {param}}s take slashes (Javalin's
   * {@code <param>}).
   */
  static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(route(path), handler);
  }

  /** One of {@link #PATHS} as Javalin writes it, its {@code {param}}s taking slashes. */
  static String route(String path) {
    if (!PATHS.contains(path)) {
      throw new IllegalArgumentException(path + " is not in Api.PATHS (nor in openapi.json)");
    }
    return path.replace('{', '<').replace('}', '>');
  }

  private static byte[] load(String resource) {
    try (InputStream in = Api.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
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
