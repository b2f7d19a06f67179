package dev.lectern.ingest.http;

import java.time.Duration;

/** Waits between requests; injected so tests can record the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Really sleeps the calling thread. */
  static Sleeper real() {
    return duration -> Thread.sleep(duration);
  }
}
