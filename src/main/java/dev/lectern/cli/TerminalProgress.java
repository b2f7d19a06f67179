package dev.lectern.cli;

import dev.lectern.ingest.ImportProgress;
import dev.lectern.store.ImportCounts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on a terminal; on redirected output only the summary lines. The
 * first rejected records are listed after the bar (all of them are kept in the run history).
 */
final class TerminalProgress implements ImportProgress {
  static final int REJECTS_SHOWN = 20;

  private final PrintWriter err;
  private final boolean interactive;
  private final List<String> rejects = new ArrayList<>();
  private long rejectCount;
  private ProgressBar bar;
  private long startNanos;

  TerminalProgress(PrintWriter err, boolean interactive) {
    this.err = err;
    this.interactive = interactive;
  }

  @Override
  public void started(String task, long total, String unit) {
    startNanos = System.nanoTime();
    if (!interactive) return;
    boolean bytes = unit.equals("bytes");
    bar =
        new ProgressBarBuilder()
            .setTaskName(shortName(task))
            .setInitialMax(Math.max(total, 0))
            .setUnit(bytes ? " MB" : " " + unit, bytes ? 1 << 20 : 1)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .showSpeed()
            .setUpdateIntervalMillis(250)
            .build();
  }

  @Override
  public void advanced(long done, ImportCounts counts) {
    if (bar == null) return;
    bar.stepTo(done);
    double secs = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
    bar.setExtraMessage(
        String.format(
            " · %,d records, %,.0f/s, %,d rejected",
            counts.read(), counts.read() / secs, counts.rejected()));
  }

  /**
   * Moves the bar to {@code done} of the total it started with, for work counted in its own unit.
   */
  void stepTo(long done) {
    if (bar != null) bar.stepTo(done);
  }

  /** A line about a step that has no bar of its own; like the bar, only on a terminal. */
  void step(String message) {
    if (!interactive) return;
    err.println(message);
    err.flush();
  }

  @Override
  public void rejected(String location, String reason) {
    if (rejectCount++ < REJECTS_SHOWN) rejects.add(location + ": " + reason);
  }

  @Override
  public void note(String message) {
    if (bar == null) err.println(message);
    else rejects.add(0, message);
  }

  @Override
  public void finished() {
    if (bar != null) bar.close();
    bar = null;
    rejects.forEach(err::println);
    if (rejectCount > REJECTS_SHOWN) {
      err.println(
          "... and "
              + (rejectCount - REJECTS_SHOWN)
              + " more rejected records (all of them: lectern runs --rejects N, N the run's number in lectern runs)");
    }
    err.flush();
    rejects.clear();
    rejectCount = 0;
  }

  /** The file name without its folders, so the bar, rate and counts fit an 80-column terminal. */
  private static String shortName(String task) {
    String name = task.substring(task.lastIndexOf('/') + 1);
    return name.length() > 24 ? name.substring(0, 21) + "..." : name;
  }

  /**
   * Whether standard output is an interactive terminal (on Java 22+ System.console() exists
   * regardless).
   */
  @SuppressWarnings("SystemConsoleNull") // handled: Console.isTerminal is asked for where it exists
  static boolean isTerminal() {
    var console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21: a console exists only for a terminal
    }
  }
}
