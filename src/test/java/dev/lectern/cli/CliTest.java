package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real files, a real library in a temp directory. */
class CliTest {
  @TempDir Path dir;

  private Cli lectern(String... args) {
    return Cli.run(dir.resolve("data"), args);
  }

  private static String sample() throws Exception {
    return Path.of(CliTest.class.getResource("/arxiv/snapshot-sample.jsonl").toURI()).toString();
  }

  @Test
  void importPrintsASummaryAndStatsCountsThePapers() throws Exception {
    Cli imported = lectern("import", "arxiv-snapshot", sample());
    assertThat(imported.code()).isZero();
    assertThat(imported.out())
        .contains("read 10, new 3, updated 1, unchanged 1, rejected 5")
        .contains("papers: 3");
    assertThat(imported.err())
        .as("rejected records are reported with line and reason")
        .contains("snapshot-sample.jsonl:5: missing 'id'");

    Cli stats = lectern("stats");
    assertThat(stats.code()).isZero();
    assertThat(stats.out()).contains("papers: 3").contains("from arxiv-snapshot: 3");
  }

  @Test
  void reindexSaysHowLongTheMergeIntoOneSegmentTook() throws Exception {
    assertThat(lectern("import", "arxiv-snapshot", sample()).code()).isZero();
    Cli reindex = lectern("reindex", "--no-progress");
    assertThat(reindex.code()).as(reindex.err()).isZero();
    assertThat(reindex.out())
        .containsPattern(
            "indexed 3 papers in [0-9.]+ s, [0-9.]+ s of it merging into one segment"
                + " \\(index: 3 documents\\)");
  }

  @Test
  void runsRejectsListsEveryRejectedRecordUnlessLimited() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    // a good record first: a file whose first records are all bad is refused as not a snapshot
    String good =
        java.nio.file.Files.readAllLines(
                Path.of(sample()), java.nio.charset.StandardCharsets.ISO_8859_1)
            .getFirst();
    java.nio.file.Files.writeString(bad, good + "\n" + "{\n".repeat(25));
    lectern("import", "arxiv-snapshot", bad.toString());
    assertThat(lectern("runs", "--rejects", "1").out().lines())
        .hasSize(25)
        .allMatch(l -> l.contains("bad.jsonl:"));
    assertThat(lectern("runs", "--rejects", "1", "--limit", "5").out().lines()).hasSize(5);
  }

  @Test
  void runsListsTheHistoryAndEachRunsRejects() throws Exception {
    lectern("import", "arxiv-snapshot", sample());
    assertThat(lectern("runs").out()).contains("#1 completed arxiv-snapshot");
    assertThat(lectern("runs", "--rejects", "1").out()).contains(":7: 'title' is empty");
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String command :
        new String[] {
          "import",
          "harvest arxiv",
          "harvest hf",
          "embed",
          "search",
          "similar",
          "serve",
          "reindex",
          "eval",
          "eval-recs",
          "stats",
          "runs",
          "bench embed",
          "bench search",
          "bench recommend"
        }) {
      String[] args = (command + " --help").split(" ");
      Cli r = lectern(args);
      assertThat(r.code()).as(command + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(command)
          .startsWith("Usage: lectern " + command.split(" ")[0])
          .contains("--help");
    }
  }

  @Test
  void anUnknownFormatIsAClearErrorWithoutAStackTrace() {
    Cli r = lectern("import", "bibtex", "x.bib");
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("unknown format 'bibtex'")
        .contains("arxiv-snapshot, hf-page, hf-api")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingFileIsNamedInTheError() {
    Cli r = lectern("import", "arxiv-snapshot", dir.resolve("nope.jsonl").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("cannot read " + dir.resolve("nope.jsonl") + ": no such file")
        .doesNotContain("\tat ");
    assertThat(lectern("import", "arxiv-snapshot", dir.toString()).err())
        .contains("cannot read " + dir + ": it is a directory, not a file");
  }

  @Test
  void harvestWithoutAStartingPointSaysHowToGiveOne() {
    Cli r = lectern("harvest", "hf");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("--since 7d");
  }

  @Test
  void verboseShowsTheStackTrace() {
    Cli r = lectern("--verbose", "import", "bibtex", "x.bib");
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void rejectsOfARunThatDoesNotExistIsAnErrorSayingWhereRunsAreListed() throws Exception {
    lectern("import", "arxiv-snapshot", sample());
    Cli r = lectern("runs", "--rejects", "999");
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("there is no run 999")
        .contains("lectern runs")
        .doesNotContain("\tat ");
  }

  @Test
  void aConfigFileThatIsNotThereIsNamedWithTheReason() {
    Path missing = dir.resolve("nope.conf");
    Cli r = lectern("--config", missing.toString(), "stats");
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("cannot read the configuration file " + missing + ": no such file");
  }

  @Test
  void aDataDirectoryThatIsAFileSaysSo() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("afile"), "x");
    Cli r = Cli.run(file, "stats");
    assertThat(r.code()).isNotZero();
    assertThat(r.err())
        .contains("cannot create the data directory " + file + ": it is a file, not a directory");
    Cli below = Cli.run(file.resolve("sub"), "stats");
    assertThat(below.err()).contains(": " + file + " is a file, not a directory");
  }

  @Test
  void aMisspeltCommandIsAnsweredWithTheNearestOne() {
    Cli r = lectern("serch", "graph");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("serch")
        .contains("search")
        .contains("'lectern --help' shows the usage");
  }

  @Test
  void aFileCutShortKeepsWhatWasReadWithoutPromisingThatARerunHelps() throws Exception {
    Path plain = dev.lectern.testing.SyntheticSnapshot.write(dir.resolve("papers.jsonl"), 2000);
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(java.nio.file.Files.readAllBytes(plain));
    }
    byte[] whole = gz.toByteArray();
    Path cut =
        java.nio.file.Files.write(
            dir.resolve("papers.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Cli r = lectern("import", "--batch-size", "100", "arxiv-snapshot", cut.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("records read before are kept (is the file cut short or damaged?)")
        .doesNotContain("resumes")
        .doesNotContain("\tat ");
  }
}
