package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long query pasted on the command line, in its own process (the command line is what matters):
 * ONNX Runtime's telemetry crashed the JVM on command lines over about 4 KB unless it was turned
 * off.
 */
class CliLongQueryTest {
  @TempDir Path dir;

  @Test
  void aQueryOfTenKilobytesOnTheCommandLineIsSearchedByMeaningWithoutCrashing() throws Exception {
    Path data = dir.resolve("data");
    Cli.importSample(data);
    Path log = dir.resolve("search.log");
    Map<String, String> env = new HashMap<>();
    env.put("ORT_DISABLE_TELEMETRY", null); // as when run without the launcher
    Process search =
        Cli.inOwnProcess(
            data, log, env, "search", "--mode", "semantic", "diphoton production ".repeat(500));
    assertThat(search.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(search.exitValue()).as(out).isZero();
    assertThat(out).contains("the query was cut to its first 500 characters");
  }
}
