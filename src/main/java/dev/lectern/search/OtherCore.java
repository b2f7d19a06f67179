package dev.lectern.search;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Part of one search handed to another core, on a virtual thread, while the calling thread does the rest.
 * It is always waited for, even when the caller fails or is interrupted: until it returns it may be reading
 * the searcher, which the caller gives back when it is done.
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

  /** Its result, waiting for it uninterruptibly (an interrupt is kept for the caller); its failure rethrown. */
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
