package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern bench search} end to end on a tiny library, with the real model: a measurement, so
 * only that it runs through every step and reports them (the figures themselves are not checked).
 */
class CliBenchSearchTest {
  @TempDir Path dir;

  @Test
  void theSearchBenchmarkRunsServesWarmUpThenEveryRowAndReportsThem() throws Exception {
    Path data = dir.resolve("data");
    Cli.importSample(data, "--no-index");

    Cli r =
        Cli.run(data, "bench", "search", "--queries", "3", "--warmup", "1", "--warmup-papers", "8");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("warm-up as serve's: 1\\d searches from 8 papers' titles in ")
        .contains(
            "lexical, top 10 (what a user sees)",
            "hybrid, top 10, query embedded",
            "similar papers, top 10",
            "heap used after GC");

    Cli none =
        Cli.run(
            data,
            "bench",
            "search",
            "--keep-index",
            "--queries",
            "1",
            "--warmup",
            "0",
            "--warmup-papers",
            "0");
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out()).contains("warm-up as serve's: none");
  }
}
