package dev.lectern.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Test helper: waits for something that happens in the background, with a deadline instead of a
 * fixed sleep.
 */
public final class Eventually {
  private Eventually() {}

  /**
   * Calls {@code probe} until its result satisfies {@code done} and returns that result; fails with
   * the last result when {@code timeout} passes first.
   */
  public static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    while (true) {
      last = probe.call();
      if (done.test(last)) return last;
      if (System.nanoTime() > deadline)
        throw new AssertionError("not within " + timeout + ": " + what + "; last: " + last);
      Thread.sleep(50); // the pace of polling, not a guess at how long the work takes
    }
  }
}
