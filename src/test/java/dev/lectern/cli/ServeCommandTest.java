package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.app.Settings;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.FakeSources;
import dev.lectern.testing.HttpJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern serve} as its own process: it answers, follows imports made by another process
 * (this one), and stops cleanly on SIGTERM, releasing the index.
 */
class ServeCommandTest {
  private static final Pattern SERVING = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)/ ");

  @TempDir Path dir;

  @Test
  void serveFollowsAnImportFromAnotherProcessAndStopsCleanlyOnSigterm() throws Exception {
    Path data = dir.resolve("data");
    Cli.importSample(data);

    Path log = dir.resolve("serve.log");
    Process serve = startServe(data, log, Map.of("LECTERN_SERVER_FOLLOW_INTERVAL", "200ms"));
    try {
      String base = awaitServing(serve, log);
      HttpJson http = new HttpJson(URI.create(base));
      assertThat(http.get("/api/v1/status").json().at("/library/papers").asLong()).isEqualTo(3);
      String warmed =
          Eventually.await(
              "serve warms its search up in the background",
              Duration.ofSeconds(60),
              () -> Files.readString(log),
              text -> text.contains("search warmed up: "));
      Matcher searches =
          Pattern.compile("search warmed up: ([\\d,]+) searches from 2,000 papers' titles")
              .matcher(warmed);
      assertThat(searches.find()).as(warmed).isTrue();
      assertThat(Integer.parseInt(searches.group(1).replace(",", "")))
          .as("a word search for each paper, similar " + "papers for every fourth")
          .isGreaterThanOrEqualTo(2_500);

      Cli imported =
          Cli.run(
              data,
              "import",
              "hf-page",
              Path.of("..", "shared", "corpus", "hf-papers", "page-a.txt").toString());
      assertThat(imported.code()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("open in another Lectern process");
      JsonNode found =
          Eventually.await(
              "serve indexes the imported papers",
              Duration.ofSeconds(20),
              () ->
                  http.get(
                          "/api/v1/search?mode=lexical&q=%22Retrieval+Head+Mechanistically+Explains%22")
                      .json(),
              json -> json.get("total").asLong() == 1);
      assertThat(found.at("/hits/0/title").asText())
          .startsWith("Retrieval Head Mechanistically Explains");
    } finally {
      serve.destroy(); // SIGTERM, as Ctrl-C or a service manager would
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops within a minute").isTrue();
    }
    assertThat(serve.exitValue()).as("a requested stop is a normal end").isZero();
    assertThat(Files.readString(log))
        .contains("stopping...")
        .containsPattern("(?m)^stopped$")
        .doesNotContain("fatal error");

    Cli search =
        Cli.run(data, "search", "--mode", "lexical", "Retrieval Head Mechanistically Explains");
    assertThat(search.code()).as("the index is released: " + search.err()).isZero();
    assertThat(search.out()).contains("Retrieval Head Mechanistically Explains");
  }

  @Test
  void aStopDuringTheSearchWarmUpEndsItAtOnceAndCleanly() throws Exception {
    Path data = dir.resolve("data");
    Cli.importSample(data);
    Path log = dir.resolve("serve.log");
    // a warm-up of hours: sampling alone would take minutes
    Process serve = startServe(data, log, Map.of("LECTERN_SERVER_WARMUP_PAPERS", "100000000"));
    try {
      awaitServing(serve, log);
    } finally {
      serve.destroy();
      boolean stopped = serve.waitFor(30, TimeUnit.SECONDS);
      if (!stopped) serve.destroyForcibly(); // not left running after a failure
      assertThat(stopped).as("serve stops within 30 s: " + Files.readString(log)).isTrue();
    }
    assertThat(serve.exitValue()).isZero();
    assertThat(Files.readString(log))
        .containsPattern("(?m)^stopped$")
        .doesNotContain("warm-up stopped (")
        .doesNotContain("search warmed up");
  }

  /** Serve without harvesting: these tests must not reach arXiv whenever its daily time comes. */
  private static Process startServe(Path data, Path log, Map<String, String> env) throws Exception {
    return Cli.inOwnProcess(data, log, env, "serve", "--port", "0", "--no-harvest");
  }

  @Test
  void onAnEmptyLibraryServeHarvestsAtOnceUnlessToldNotTo() throws Exception {
    Path data = dir.resolve("data");
    try (FakeSources sources = FakeSources.start()) {
      Map<String, String> env = new HashMap<>();
      sources.settings().forEach((k, v) -> env.put(Settings.envName(k), v));

      Path quietLog = dir.resolve("quiet.log");
      Process quiet = startServe(data, quietLog, env);
      try {
        HttpJson http = new HttpJson(URI.create(awaitServing(quiet, quietLog)));
        assertThat(http.get("/api/v1/status").json().at("/harvest/state").asText())
            .isEqualTo("off");
        assertThat(Files.readString(quietLog)).contains("harvest: off (--no-harvest");
      } finally {
        stopServe(quiet, quietLog);
      }
      assertThat(sources.requests()).as("--no-harvest fetches nothing").isEmpty();

      Path log = dir.resolve("serve.log");
      Process serve = Cli.inOwnProcess(data, log, env, "serve", "--port", "0");
      try {
        HttpJson http = new HttpJson(URI.create(awaitServing(serve, log)));
        JsonNode status =
            Eventually.await(
                "the first harvest completes",
                Duration.ofSeconds(60),
                () -> http.get("/api/v1/status").json(),
                s -> s.at("/harvest/lastRun/completed").asBoolean());
        assertThat(status.at("/library/papers").asLong()).isEqualTo(7);
        assertThat(http.get("/").body()).contains("<ol class=\"papers\"");
        assertThat(Files.readString(log))
            .contains("harvest: fetching the last 3 days of math.CO and cs.CG from arXiv")
            .contains("harvest: done, 7 new papers; the next at ");
      } finally {
        stopServe(serve, log);
      }
    }
  }

  private static void stopServe(Process serve, Path log) throws Exception {
    serve.destroy();
    boolean stopped = serve.waitFor(30, TimeUnit.SECONDS);
    if (!stopped) serve.destroyForcibly();
    assertThat(stopped).as("serve stops within 30 s: " + Files.readString(log)).isTrue();
  }

  /** The address serve listens on, once it says so. */
  private static String awaitServing(Process serve, Path log) throws Exception {
    return Eventually.await(
        "serve prints where it listens",
        Duration.ofSeconds(60),
        () -> {
          if (!serve.isAlive()) throw new AssertionError("serve exited: " + Files.readString(log));
          Matcher m = SERVING.matcher(Files.readString(log));
          return m.find() ? m.group(1) : null;
        },
        url -> url != null);
  }
}
