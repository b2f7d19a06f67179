package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.arxiv.FakeArxiv;
import dev.lectern.ingest.http.LocalHttpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern harvest arxiv} end to end against a local server answering like arXiv's OAI-PMH
 * endpoint.
 */
class CliHarvestTest {
  private static final String LATEST_DATESTAMP = "2013-10-15";
  @TempDir Path dir;

  private String[] run(String... args) {
    Cli r = Cli.run(dir.resolve("data"), args);
    return new String[] {Integer.toString(r.code()), r.out(), r.err()};
  }

  @Test
  void aHarvestRemembersWhereItEndedSoTheNextOneNeedsNoStartDate() throws Exception {
    try (LocalHttpServer arxiv = FakeArxiv.start()) {
      String base = arxiv.uri("/oai").toString();
      String[] first =
          run(
              "harvest",
              "arxiv",
              "--base-url",
              base,
              "--set",
              "cs",
              "--from",
              "2007-04-01",
              "--delay",
              "0s");
      assertThat(first[0]).as(first[2]).isEqualTo("0");
      assertThat(first[1]).contains("new 10").contains("papers: 10");

      int before = arxiv.requests().size();
      String[] again = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--delay", "0s");
      assertThat(again[0]).as(again[2]).isEqualTo("0");
      assertThat(again[1]).contains("new 0").contains("papers: 10");
      var firstListRecords =
          arxiv.requests().subList(before, arxiv.requests().size()).stream()
              .filter(r -> "ListRecords".equals(r.param("verb")))
              .findFirst()
              .orElseThrow();
      assertThat(firstListRecords.param("from"))
          .as("the second harvest starts from the last datestamp seen")
          .isEqualTo(LATEST_DATESTAMP);
    }
  }

  @Test
  void categoriesAreHarvestedThroughTheirArchivesSetsKeepingOnlyThoseCategories() throws Exception {
    try (LocalHttpServer arxiv = FakeArxiv.start()) {
      String base = arxiv.uri("/oai").toString();
      String[] r =
          run(
              "harvest",
              "arxiv",
              "--base-url",
              base,
              "--categories",
              "math.CO,cs.CG",
              "--from",
              "2007-04-01",
              "--delay",
              "0s");
      assertThat(r[0]).as(r[2]).isEqualTo("0");
      // the fake answers every set with the same 10 records: 3 are filed under math.CO, and the
      // one under cs.CG is one of them
      assertThat(r[1]).contains("math (math.CO): ").contains("cs (cs.CG): ").contains("papers: 3");
      assertThat(
              arxiv.requests().stream()
                  .filter(q -> "ListRecords".equals(q.param("verb")) && q.param("set") != null)
                  .map(q -> q.param("set"))
                  .distinct())
          .containsExactly("math", "cs");
    }
  }

  @Test
  void aListThatIsNotCategoriesIsRefusedWithAnExample() {
    String[] r = run("harvest", "arxiv", "--categories", "machine learning!", "--since", "1d");
    assertThat(r[0]).isNotEqualTo("0");
    assertThat(r[2]).contains("is not an arXiv category").doesNotContain("Exception");
  }

  @Test
  void aHarvestThatFindsNothingStillLetsTheNextOneContinueFromItsEnd() throws Exception {
    try (LocalHttpServer arxiv =
        LocalHttpServer.start(
            (req, srv) ->
                "ListRecords".equals(req.param("verb"))
                    ? LocalHttpServer.Reply.ok(FakeArxiv.noRecordsMatch())
                    : FakeArxiv.reply(req))) {
      String base = arxiv.uri("/oai").toString();
      String[] empty =
          run(
              "harvest",
              "arxiv",
              "--base-url",
              base,
              "--set",
              "cs",
              "--from",
              "2020-01-01",
              "--until",
              "2020-01-31",
              "--delay",
              "0s");
      assertThat(empty[0]).as(empty[2]).isEqualTo("0");
      String[] next = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--delay", "0s");
      assertThat(next[0]).as(next[2]).isEqualTo("0");
      var lastListRecords =
          arxiv.requests().stream()
              .filter(r -> "ListRecords".equals(r.param("verb")))
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(lastListRecords.param("from")).isEqualTo("2020-01-31");
    }
  }

  @Test
  void anUnknownSetIsAnsweredWithTheSetsThatExist() throws Exception {
    try (LocalHttpServer arxiv = FakeArxiv.start()) {
      String[] r =
          run(
              "harvest",
              "arxiv",
              "--base-url",
              arxiv.uri("/oai").toString(),
              "--set",
              "nope",
              "--since",
              "7d",
              "--delay",
              "0s");
      assertThat(r[0]).isEqualTo("1");
      assertThat(r[2])
          .contains("nope")
          .contains("cs")
          .doesNotContain("\tat ")
          .as("running it again would not help")
          .doesNotContain("resumes")
          .contains("nothing was imported");
    }
  }

  @Test
  void aServerThatCannotBeReachedIsNamedWithTheReasonAndTheSettingThatPointsElsewhere()
      throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: connections are refused
    }
    Path conf =
        java.nio.file.Files.writeString(dir.resolve("lectern.conf"), "harvest.retries = 1\n");
    String[] arxiv =
        run(
            "--config",
            conf.toString(),
            "harvest",
            "arxiv",
            "--base-url",
            "http://127.0.0.1:" + port + "/oai",
            "--since",
            "2d",
            "--delay",
            "0s");
    assertThat(arxiv[0]).isEqualTo("1");
    assertThat(arxiv[2])
        .contains("cannot connect to 127.0.0.1:" + port + ": connection refused")
        .contains("nothing was imported")
        .doesNotContain("resumes")
        .contains("set by harvest.arxiv.base-url in lectern.conf or --base-url")
        .doesNotContain("\tat ");

    String[] hf =
        run(
            "--config",
            conf.toString(),
            "harvest",
            "hf",
            "--base-url",
            "http://127.0.0.1:" + port,
            "--since",
            "1d",
            "--delay",
            "0s");
    assertThat(hf[0]).isEqualTo("1");
    assertThat(hf[2]).contains("connection refused").contains("harvest.hf.base-url");
  }

  @Test
  void aServerThatHasNoSuchEndpointIsNamedWithTheSetting() throws Exception {
    try (LocalHttpServer elsewhere =
        LocalHttpServer.start((req, srv) -> LocalHttpServer.Reply.status(404, "not here"))) {
      String[] r =
          run(
              "harvest",
              "hf",
              "--base-url",
              elsewhere.uri("/").toString(),
              "--since",
              "1d",
              "--delay",
              "0s");
      assertThat(r[0]).isEqualTo("1");
      assertThat(r[2])
          .contains("HTTP 404")
          .contains("is the server's address right?")
          .contains("harvest.hf.base-url")
          .contains("nothing was imported");
    }
  }
}
