package dev.lectern.cli;

import dev.lectern.index.IndexProgress;

/**
 * Indexing shown as an import is: a bar of papers with rate and ETA on a terminal, nothing
 * otherwise.
 */
final class IndexBar implements IndexProgress {
  private final TerminalProgress terminal;
  private final String task;

  IndexBar(TerminalProgress terminal, String task) {
    this.terminal = terminal;
    this.task = task;
  }

  @Override
  public void started(long total) {
    terminal.started(task, total, "papers");
  }

  @Override
  public void advanced(long done) {
    terminal.stepTo(done);
  }

  @Override
  public void merging() {
    terminal.finished();
    terminal.step(
        task + ": merging into one segment, papers that share words numbered together...");
  }

  /** Closes the bar if the work ended without merging. */
  void finished() {
    terminal.finished();
  }
}
