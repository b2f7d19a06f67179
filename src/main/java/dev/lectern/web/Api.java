package dev.lectern.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lectern.app.Background;
import dev.lectern.paper.Paper;
import dev.lectern.search.Filters;
import dev.lectern.search.QueryException;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API: turns a request into a call on the core services and the result into JSON, and every
 * failure into a JSON error ({@code {"error": "..."}}) with a fitting status, never an HTML page or a stack
 * trace. No search logic lives here.
 */
public final class Api implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Api.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAPERS = "/api/papers/";
  private static final String SIMILAR = "/similar";
  private static final String ENDPOINTS = "GET /api/search, /api/papers/{id}/similar, /api/status";
  static final Set<String> SEARCH_PARAMS = Set.of("q", "mode", "limit", "offset", "sort", "cat", "from", "to", "author");

  private final SearchService search;
  private final PaperLibrary library;
  private final Background background;

  public Api(SearchService search, PaperLibrary library, Background background) {
    this.search = search;
    this.library = library;
    this.background = background;
  }

  @Override
  public void handle(HttpExchange ex) {
    try (ex) {
      int status = 200;
      Object body;
      try {
        body = route(ex);
      } catch (ApiException e) {
        status = e.status();
        body = error(e.getMessage());
      } catch (RuntimeException e) {
        log.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
        status = 500;
        body = error("internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      send(ex, status, body);
    } catch (IOException e) {
      // the client went away before the answer was written: nobody is left to tell
    }
  }

  private Object route(HttpExchange ex) {
    String path = ex.getRequestURI().getPath(); // percent-decoded: ids such as hep-th/9901001 may arrive as %2F
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      throw new ApiException(405, "method " + method + " is not allowed; the API answers GET");
    }
    String query = ex.getRequestURI().getRawQuery();
    if (path.equals("/api/search")) return search(Params.parse(query, SEARCH_PARAMS));
    if (path.equals("/api/status")) {
      Params.parse(query, Set.of());
      return JsonViews.status(background.status());
    }
    if (path.startsWith(PAPERS) && path.endsWith(SIMILAR) && path.length() > PAPERS.length() + SIMILAR.length()) {
      String id = path.substring(PAPERS.length(), path.length() - SIMILAR.length());
      return similar(id, Params.parse(query, Set.of("limit")));
    }
    throw ApiException.notFound("no endpoint at " + path + "; the API has " + ENDPOINTS);
  }

  private Object search(Params p) {
    SearchRequest request = new SearchRequest(
        p.get("q"),
        p.choice("mode", Mode.class, Mode.HYBRID),
        new Filters(new LinkedHashSet<>(p.all("cat")), p.date("from"), p.date("to"), p.get("author")),
        p.choice("sort", Sort.class, Sort.RELEVANCE),
        p.intIn("offset", 0, SearchRequest.MAX_OFFSET, 0),
        p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 10));
    try {
      return JsonViews.search(request, search.search(request));
    } catch (QueryException e) {
      throw ApiException.badRequest("parameter 'q': " + e.getMessage());
    }
  }

  private Object similar(String id, Params p) {
    int limit = p.intIn("limit", 1, SearchRequest.MAX_LIMIT, 10);
    Paper paper = library.get(id).orElseThrow(() -> ApiException.notFound("no paper with id '" + id
        + "' in the library (ids look like 2404.15574 or hep-th/9901001)"));
    try {
      return JsonViews.similar(paper, search.similar(paper.id(), limit));
    } catch (QueryException e) {
      // imported by another process a moment ago: the library has it, the index follows within seconds
      throw ApiException.notFound("paper '" + paper.id() + "' is not in the search index yet; try again in a few seconds");
    }
  }

  private static Map<String, String> error(String message) {
    return Map.of("error", message);
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    var headers = ex.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
