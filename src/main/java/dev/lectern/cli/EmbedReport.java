package dev.lectern.cli;

import dev.lectern.embed.EmbeddingProgress;
import dev.lectern.embed.EmbeddingStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Embedding progress on the console: one line per ~10 seconds (done/total, rate, time left), and
 * problems.
 */
class EmbedReport implements EmbeddingProgress {
  private static final long EVERY_NANOS = 10_000_000_000L;
  private final PrintWriter err;
  private long lastPrint;

  EmbedReport(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void chunkStored(EmbeddingStatus s) {
    long now = System.nanoTime();
    if (now - lastPrint < EVERY_NANOS && s.remaining() > 0) return;
    lastPrint = now;
    err.printf(
        "embedded %,d/%,d (%.1f papers/s, %s left)%n",
        s.done(),
        s.total(),
        s.docsPerSecond(),
        s.eta() == null
            ? "?"
            : s.eta()
                .truncatedTo(ChronoUnit.SECONDS)
                .toString()
                .substring(2)
                .toLowerCase(Locale.ROOT));
    err.flush();
  }

  @Override
  public void skipped(String paperId, String title, String reason) {
    err.println("skipping " + paperId + " (" + title + "): " + reason);
    err.flush();
  }

  @Override
  public void failed(String message, Throwable cause, Duration retryIn) {
    err.println(message + (retryIn == null ? "" : "; retrying in " + retryIn.toSeconds() + " s"));
    err.flush();
  }
}
