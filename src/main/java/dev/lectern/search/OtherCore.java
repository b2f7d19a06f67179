package dev.lectern.search;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Part of one search handed to another core, on a virtual thread, while the calling thread does the
 * rest. It is always waited for, even when the caller fails or is interrupted: until it returns it
 * may be reading the searcher, which the caller gives back when it is done.
 */
final class OtherCore<T> {
  private final FutureTask<T> task;

  private OtherCore(Callable<T> work, String name) {
    this.task = new FutureTask<>(work);
    Thread.ofVirtual().name(name).start(task);
  }

  static <T> OtherCore<T> start(String name, Callable<T> work) {
    return new OtherCore<>(work, name);
  }

  /** Work for the calling thread. */
  @FunctionalInterface
  interface Here<T> {
    T run() throws IOException;
  }

  /** What each side of {@link #alongside} returned. */
  record Both<H, T>(H here, T there) {}

  /**
   * Runs {@code there} on another core while the calling thread runs {@code here}, and returns both
   * results once both are done; if {@code here} fails, {@code there} is still waited for before the
   * failure goes on.
   */
  static <H, T> Both<H, T> alongside(String name, Callable<T> there, Here<H> here)
      throws IOException {
    OtherCore<T> other = start(name, there);
    H mine;
    try {
      mine = here.run();
    } catch (Throwable e) {
      other.awaitQuietly();
      throw e;
    }
    return new Both<>(mine, other.join());
  }

  /**
   * Its result, waiting for it uninterruptibly (an interrupt is kept for the caller); its failure
   * rethrown.
   */
  T join() throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        default -> throw new IOException(e.getCause());
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** Waits for it and ignores how it ended: for a caller that has failed already. */
  void awaitQuietly() {
    try {
      join();
    } catch (IOException | RuntimeException | Error ignored) {
      // the caller's own failure is the one to report
    }
  }
}
