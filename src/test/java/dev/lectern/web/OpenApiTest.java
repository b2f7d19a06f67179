package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperMarks;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/openapi.json} is a valid OpenAPI 3.1 document (by swagger-parser), names every
 * route the server has under {@code /api/v1} and nothing else, and real answers validate against
 * its schemas (by a JSON Schema 2020-12 validator; the schemas list every field as required and
 * allow no others, so a renamed field fails here).
 */
class OpenApiTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  static PaperCollections collections;
  static HttpJson http;
  static String token;
  static Response doc;

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
    collections =
        new PaperCollections(
            web.lectern.library(),
            new PaperMarks(web.lectern.library(), java.time.Clock.systemUTC()),
            java.time.Clock.systemUTC());
    http = new HttpJson(web.uri());
    token = web.lectern.accounts().tokens().create(1, "openapi-test").secret();
    doc = http.get("/api/v1/openapi.json");
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @Test
  void isServedAsJsonAndNotCachedStale() {
    assertThat(doc.status()).as(doc.body()).isEqualTo(200);
    assertThat(doc.contentType()).startsWith("application/json");
    assertThat(http.get("/api/v1/openapi.json?x=1").status()).isEqualTo(400);
  }

  @Test
  void isAValidOpenApi31Document() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.body(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
    assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKey("SearchJson");
  }

  @Test
  void describesEveryRouteTheServerHasUnderTheApiAndNoOther() {
    TreeMap<String, TreeSet<String>> documented = new TreeMap<>();
    doc.json()
        .get("paths")
        .properties()
        .forEach(
            p -> {
              TreeSet<String> methods = new TreeSet<>();
              p.getValue().properties().forEach(m -> methods.add(m.getKey()));
              documented.put(p.getKey(), methods);
            });
    TreeMap<String, TreeSet<String>> registered = new TreeMap<>();
    for (String route : web.server.routes()) {
      String[] methodAndPath = route.split(" ", 2);
      if (!methodAndPath[1].startsWith(Api.PREFIX + "/")) continue;
      registered
          .computeIfAbsent(
              methodAndPath[1].replace('<', '{').replace('>', '}'), k -> new TreeSet<>())
          .add(methodAndPath[0].toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(registered).isNotEmpty().isEqualTo(documented);
    assertThat(new TreeSet<>(Api.PATHS)).isEqualTo(documented.keySet());
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /api/v1/me/saved/2403.01111, MarksJson, 200",
    "GET, /api/v1/me/saved?limit=5, SavedJson, 200",
    "DELETE, /api/v1/me/saved/2403.01111, MarksJson, 200",
    "PUT, /api/v1/me/votes/hep-th/9901001, MarksJson, 200",
    "DELETE, /api/v1/me/votes/hep-th/9901001, MarksJson, 200",
    "PUT, /api/v1/me/dismissed/2403.00500, MarksJson, 200",
    "DELETE, /api/v1/me/dismissed/2403.00500, MarksJson, 200",
    "PUT, /api/v1/me/saved/9999.99999, Error, 404",
    "GET, /api/v1/me/saved?limit=0, Error, 400",
    "GET, /api/v1/me/collections, CollectionsJson, 200",
    "GET, /api/v1/me/collections/1, CollectionJson, 200",
    "GET, /api/v1/me/collections/99999, Error, 404",
  })
  void theCallersOwnAnswersMatchTheirSchemas(
      String method, String request, String schema, int status) {
    if (collections.list(1).isEmpty()) {
      long id = collections.create(1, "Reading").id();
      collections.add(1, id, "2403.02222");
      collections.note(1, id, "2403.02222", "a note");
    }
    // an API client has no cookie to pair a CSRF token with: it changes things with a token
    Response r = http.send(method, request, token);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(errors(schema, r.body())).as(r.body()).isEmpty();
    assertThat(documentedStatuses(method.toLowerCase(java.util.Locale.ROOT), request))
        .contains(String.valueOf(status));
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/search?q=attention&mode=lexical&limit=3&cat=cs.CL, SearchJson",
    "/api/v1/search?q=attention&from=2024-03-01&to=2024-03-31&author=Lovelace, SearchJson",
    "/api/v1/papers/2403.01111, PaperJson",
    "/api/v1/papers/" + WebFixture.HOSTILE_ID + ", PaperJson",
    "/api/v1/papers/hep-th/9901001, PaperJson",
    "/api/v1/papers/2403.02222/similar?limit=3, SimilarJson",
    "/api/v1/feed?day=2024-03-13&span=week, FeedJson",
    "/api/v1/feed?sort=newest&limit=2, FeedJson",
    "/api/v1/authors/Grace%20Hopper, PapersJson",
    "/api/v1/categories/cs.CL?limit=2, PapersJson",
    "/api/v1/status, StatusJson",
    "/api/v1/me, MeJson",
  })
  void answersMatchTheirSchemas(String request, String schema) {
    Response r = http.get(request);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(errors(schema, r.body())).as(r.body()).isEmpty();
    assertThat(documentedStatuses(request)).contains("200");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/search?q=attention&limit=0, 400",
    "/api/v1/feed?span=year, 400",
    "/api/v1/status?verbose=1, 400",
    "/api/v1/papers/9999.99999, 404",
    "/api/v1/authors/Nobody%20At%20All, 404",
  })
  void errorsMatchTheErrorSchema(String request, int status) {
    Response r = http.get(request);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(errors("Error", r.body())).as(r.body()).isEmpty();
    assertThat(documentedStatuses(request)).contains(String.valueOf(status));
  }

  @Test
  void theSchemasCatchARenamedOrMissingField() {
    String paper = http.get("/api/v1/papers/2403.01111").body();
    assertThat(errors("PaperJson", paper)).isEmpty();
    assertThat(errors("PaperJson", paper.replace("\"journalRef\"", "\"journalReference\"")))
        .isNotEmpty();
    assertThat(errors("SearchJson", "{}")).isNotEmpty();
  }

  /** The statuses the document gives for the request's path. */
  private static List<String> documentedStatuses(String request) {
    return documentedStatuses("get", request);
  }

  private static List<String> documentedStatuses(String method, String request) {
    String path = request.split("\\?", 2)[0];
    for (String documented : Api.PATHS) {
      String pattern = documented.replaceAll("\\{[a-z]+\\}", ".+");
      if (path.matches(pattern) && !(documented.endsWith("{id}") && path.endsWith("/similar"))) {
        List<String> statuses = new ArrayList<>();
        doc.json()
            .get("paths")
            .get(documented)
            .get(method)
            .get("responses")
            .properties()
            .forEach(e -> statuses.add(e.getKey()));
        return statuses;
      }
    }
    throw new AssertionError("no documented path for " + request);
  }

  /**
   * Validates a JSON body against {@code #/components/schemas/<name>}: the document's schemas go in
   * as {@code $defs} of a schema that refers to the one named.
   */
  private static List<Error> errors(String name, String body) {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode components = doc.json().get("components").get("schemas");
    ObjectNode schema = mapper.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.set(
        "$defs",
        mapper.readTree(components.toString().replace("\"#/components/schemas/", "\"#/$defs/")));
    assertThat(components.has(name)).as(name).isTrue();
    schema.put("$ref", "#/$defs/" + name);
    Schema compiled =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    return compiled.validate(mapper.readTree(body));
  }
}
