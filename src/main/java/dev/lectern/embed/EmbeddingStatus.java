package dev.lectern.embed;

import java.time.Duration;

/**
 * Where the current run stands; a run starts when pending papers are found and ends when none are
 * left.
 *
 * @param total papers pending when the run started, raised if more arrive during it
 * @param docsPerSecond embedded papers per second of the run so far
 * @param eta time left at that rate; null until a rate is known
 */
public record EmbeddingStatus(
    long done, long total, long skipped, double docsPerSecond, Duration eta) {
  public long remaining() {
    return Math.max(0, total - done - skipped);
  }
}
