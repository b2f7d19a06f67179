package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.SyntheticSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern embed} stopped by a signal, in its own process with the real model: its last
 * words.
 */
class CliEmbedStopTest {
  @TempDir Path dir;

  @Test
  void anEmbedStoppedBySignalSaysHowManyAreLeftAndThatRunningItAgainContinues() throws Exception {
    Path data = dir.resolve("data");
    Path snapshot = SyntheticSnapshot.write(dir.resolve("papers.jsonl"), 400);
    assertThat(Cli.run(data, "import", "--no-index", "arxiv-snapshot", snapshot.toString()).code())
        .isZero();
    PaperLibrary library = new PaperLibrary(Database.openEmbedded(data));
    Path log = dir.resolve("embed.log");
    Process embed = Cli.inOwnProcess(data, log, Map.of(), "embed", "--chunk", "2");
    try {
      Eventually.await(
          "some papers are embedded",
          Duration.ofSeconds(90),
          () -> {
            if (!embed.isAlive())
              throw new AssertionError("embed exited: " + Files.readString(log));
            return library.embeddings().pendingCount(OnnxBgeEmbedder.MODEL_ID);
          },
          pending -> pending < 400);
      embed.destroy(); // SIGTERM, handled as Ctrl-C is
      assertThat(embed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      embed.destroyForcibly();
    }
    String out = Files.readString(log);
    assertThat(embed.exitValue()).as(out).isEqualTo(130);
    long left = library.embeddings().pendingCount(OnnxBgeEmbedder.MODEL_ID);
    assertThat(left).isPositive();
    assertThat(out)
        .containsPattern("stopped after embedding [0-9,]+ papers in")
        .contains(
            String.format(
                "%,d papers are left to embed; run lectern embed again to continue", left));
  }
}
