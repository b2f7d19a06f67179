package dev.lectern.ingest;

import dev.lectern.store.ImportCounts;
import java.time.Duration;

/** The outcome of importing one input. */
public record ImportSummary(
    long runId,
    String source,
    String input,
    ImportCounts counts,
    Duration took,
    String status,
    String message) {
  /** The status of a run that read its whole input. */
  public static final String COMPLETED = "completed";

  /** Whether the run read its whole input (it was not interrupted and did not fail). */
  public boolean completed() {
    return COMPLETED.equals(status);
  }

  public double recordsPerSecond() {
    double secs = Math.max(took.toNanos() / 1e9, 1e-9);
    return counts.read() / secs;
  }

  @Override
  public String toString() {
    return input
        + ": "
        + counts
        + " ("
        + status
        + ", "
        + String.format("%.1f s, %,.0f records/s", took.toNanos() / 1e9, recordsPerSecond())
        + ")"
        + (message == null ? "" : " - " + message);
  }
}
