package dev.lectern.cli;

import dev.lectern.app.Background;
import dev.lectern.app.HarvestStatus;
import dev.lectern.index.PaperIndex.SyncReport;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.http.Wait;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Background events on the console: embedding progress, papers indexed after another process's
 * import, and the harvests.
 */
final class ServeEvents extends EmbedReport implements Background.Events {
  private final PrintWriter err;

  ServeEvents(PrintWriter err) {
    super(err);
    this.err = err;
  }

  @Override
  public void indexed(SyncReport report) {
    err.printf(
        "indexed %,d papers changed in the library%s%n",
        report.indexed(), report.deleted() > 0 ? " (" + report.deleted() + " ids retired)" : "");
    err.flush();
  }

  @Override
  public void vectorsAttached(int papers) {
    err.printf(
        "attached %,d stored vectors the index lacked (left by an interrupted run)%n", papers);
    err.flush();
  }

  @Override
  public void harvestStarted(HarvestStatus.Running running) {
    line("harvest: fetching " + running.what());
  }

  @Override
  public void harvested(String source, ImportSummary summary) {
    line("harvest: " + source + ": " + summary);
  }

  @Override
  public void harvestFailed(String source, String message) {
    line("harvest: " + source + ": " + message);
  }

  @Override
  public void harvestEnded(HarvestStatus.Run run, Instant next) {
    String then = next == null ? "" : "; the next at " + time(next);
    line(
        run.completed()
            ? String.format("harvest: done, %,d new papers%s", run.newPapers(), then)
            : String.format("harvest: stopped with %,d new papers%s", run.newPapers(), then));
  }

  @Override
  public void harvestWaiting(Wait wait) {
    line("harvest: " + wait);
  }

  private void line(String text) {
    err.println(text);
    err.flush();
  }

  /** A moment as people read it, in this machine's zone: 2024-03-15 20:30 EDT. */
  static String time(Instant at) {
    return TIME.format(at.atZone(ZoneId.systemDefault()));
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

  @Override
  public void followFailed(RuntimeException failure) {
    err.println("could not follow the library (trying again shortly): " + failure.getMessage());
    err.flush();
  }
}
