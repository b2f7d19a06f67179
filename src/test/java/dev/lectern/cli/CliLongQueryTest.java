package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long query pasted on the command line, in its own process (the command line is what matters): ONNX
 * Runtime's telemetry crashed the JVM on command lines over about 4 KB unless it was turned off.
 */
class CliLongQueryTest {
  @TempDir Path dir;

  @Test
  void aQueryOfTenKilobytesOnTheCommandLineIsSearchedByMeaningWithoutCrashing() throws Exception {
    Path data = dir.resolve("data");
    String sample = Path.of(getClass().getResource("/arxiv/snapshot-sample.jsonl").toURI()).toString();
    assertThat(Cli.run(data, "import", "arxiv-snapshot", sample).code()).isZero();

    Path log = dir.resolve("search.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.lectern.cli.Main", "--data-dir", data.toString(),
        "search", "--mode", "semantic", "diphoton production ".repeat(500))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("ORT_DISABLE_TELEMETRY"); // as when run without the launcher
    Process search = pb.start();
    assertThat(search.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(search.exitValue()).as(out).isZero();
    assertThat(out).contains("the query was cut to its first 500 characters");
  }
}
