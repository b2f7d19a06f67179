package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import dev.lectern.web.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One JSON shape per thing: {@code lectern search --json} and {@code lectern similar --json} print
 * what the API answers for the same request, over the same library (a sample page and real arXiv
 * records with LaTeX, imported by the command line), all but the time taken.
 */
class CliJsonMatchesApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Lectern lectern;
  static WebServer server;
  static HttpJson http;

  @BeforeAll
  static void serve() throws Exception {
    String records =
        Path.of(CliJsonMatchesApiTest.class.getResource("/arxiv/latex-records.jsonl").toURI())
            .toString();
    for (String[] args :
        new String[][] {
          {"import", "hf-page", "--no-progress", "../shared/corpus/hf-papers/page-a.txt"},
          {"import", "arxiv-snapshot", "--no-progress", records}
        }) {
      Cli r = Cli.run(dir, args);
      assertThat(r.code()).as(r.err()).isZero();
    }
    lectern = new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dir.toString())));
    server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            lectern.search(true),
            lectern.library(),
            new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET));
    http = new HttpJson(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (lectern != null) lectern.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "q=graph+transformers&mode=lexical&limit=5 | --mode lexical --limit 5 graph transformers",
        "q=dyadic+grid&mode=hybrid | dyadic grid",
        "q=Sramek&mode=lexical&sort=date&cat=cs.DS,math&from=2007-03-01&to=2007-12-31"
            + " | --mode lexical --sort date --cat cs.DS,math --from 2007-03-01 --to 2007-12-31 Sramek",
        "q=&mode=lexical&sort=date&cat=math&offset=2&limit=3"
            + " | --mode lexical --sort date --cat math --offset 2 --limit 3",
        "q=attention+-survey&mode=lexical&sort=popularity | --mode lexical --sort popularity --"
            + " attention -survey"
      })
  void searchPrintsWhatTheApiAnswers(String query, String arguments) throws Exception {
    Response api = http.get("/api/v1/search?" + query.strip());
    assertThat(api.status()).as(api.body()).isEqualTo(200);
    String[] args = ("search --json " + arguments.strip()).split(" ");
    Cli cli = Cli.run(dir, args);
    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode printed = withoutTime(JSON.readTree(cli.out()));
    assertThat(printed.get("hits")).as("a search that finds something").isNotEmpty();
    assertThat(printed).isEqualTo(withoutTime(api.json()));
  }

  @Test
  void similarPrintsWhatTheApiAnswers() throws Exception {
    for (String id : new String[] {"0704.0062", "0704.0005"}) {
      Response api = http.get("/api/v1/papers/" + id + "/similar?limit=4");
      assertThat(api.status()).as(api.body()).isEqualTo(200);
      Cli cli = Cli.run(dir, "similar", "--json", "--limit", "4", id);
      assertThat(cli.code()).as(cli.err()).isZero();
      JsonNode printed = JSON.readTree(cli.out());
      assertThat(printed.get("id").asText()).isEqualTo(id);
      assertThat(printed.get("hits")).hasSize(4);
      assertThat(printed).isEqualTo(api.json());
    }
  }

  private static JsonNode withoutTime(JsonNode search) {
    ((ObjectNode) search).remove("tookMs");
    return search;
  }
}
