package dev.lectern.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The library's change counter: every insert or change of a paper takes the next number, so a
 * derived store (the search index) that remembers the last number it saw can catch up on exactly
 * what changed.
 */
final class ChangeSequence {
  private final AtomicLong last;

  ChangeSequence(long last) {
    this.last = new AtomicLong(last);
  }

  long next() {
    return last.incrementAndGet();
  }

  /**
   * Continues after {@code seen} if that is further: another process has written since this one
   * counted.
   */
  void advanceTo(long seen) {
    last.accumulateAndGet(seen, Math::max);
  }
}
