package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ingest.arxiv.FakeArxiv;
import dev.lectern.ingest.http.LocalHttpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern harvest arxiv} end to end against a local server answering like arXiv's OAI-PMH endpoint. */
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
      String[] first = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--from", "2007-04-01",
          "--delay", "0s");
      assertThat(first[0]).as(first[2]).isEqualTo("0");
      assertThat(first[1]).contains("new 10").contains("papers: 10");

      int before = arxiv.requests().size();
      String[] again = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--delay", "0s");
      assertThat(again[0]).as(again[2]).isEqualTo("0");
      assertThat(again[1]).contains("new 0").contains("papers: 10");
      var firstListRecords = arxiv.requests().subList(before, arxiv.requests().size()).stream()
          .filter(r -> "ListRecords".equals(r.param("verb"))).findFirst().orElseThrow();
      assertThat(firstListRecords.param("from")).as("the second harvest starts from the last datestamp seen")
          .isEqualTo(LATEST_DATESTAMP);
    }
  }

  @Test
  void aHarvestThatFindsNothingStillLetsTheNextOneContinueFromItsEnd() throws Exception {
    try (LocalHttpServer arxiv = LocalHttpServer.start((req, srv) -> "ListRecords".equals(req.param("verb"))
        ? LocalHttpServer.Reply.ok(FakeArxiv.noRecordsMatch()) : FakeArxiv.reply(req))) {
      String base = arxiv.uri("/oai").toString();
      String[] empty = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--from", "2020-01-01",
          "--until", "2020-01-31", "--delay", "0s");
      assertThat(empty[0]).as(empty[2]).isEqualTo("0");
      String[] next = run("harvest", "arxiv", "--base-url", base, "--set", "cs", "--delay", "0s");
      assertThat(next[0]).as(next[2]).isEqualTo("0");
      var lastListRecords = arxiv.requests().stream().filter(r -> "ListRecords".equals(r.param("verb")))
          .reduce((a, b) -> b).orElseThrow();
      assertThat(lastListRecords.param("from")).isEqualTo("2020-01-31");
    }
  }

  @Test
  void anUnknownSetIsAnsweredWithTheSetsThatExist() throws Exception {
    try (LocalHttpServer arxiv = FakeArxiv.start()) {
      String[] r = run("harvest", "arxiv", "--base-url", arxiv.uri("/oai").toString(), "--set", "nope",
          "--since", "7d", "--delay", "0s");
      assertThat(r[0]).isEqualTo("1");
      assertThat(r[2]).contains("nope").contains("cs").doesNotContain("\tat ");
    }
  }
}
