package dev.lectern.app;

import dev.lectern.digest.DigestRun;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Serve's digests: once a minute, on a thread of its own, a {@link DigestRun} composes the digests
 * that fell due (each user's hour in their time zone) and sends what is pending, retries included.
 * A minute is cheap (a few rows read when nothing is due) and needs no schedule to be recomputed
 * when a user changes theirs.
 */
public final class BackgroundDigests implements AutoCloseable {
  static final Duration TICK = Duration.ofMinutes(1);

  /** A send's connect and reply timeouts, with room. */
  static final Duration STOP_WAIT = Duration.ofSeconds(35);

  private final DigestRun run;
  private final Consumer<String> log;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("lectern-digests").daemon().factory());

  /**
   * @param log where a line goes when digests were sent or a send failed
   */
  public BackgroundDigests(DigestRun run, Consumer<String> log) {
    this.run = run;
    this.log = log;
  }

  public void start() {
    loop.scheduleWithFixedDelay(this::tick, 5, TICK.toSeconds(), TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      DigestRun.Report r = run.run(Instant.now(), stopping::get);
      if (r.sent() > 0) log.accept("digests: " + r.sent() + " sent");
      for (String p : r.problems()) log.accept("digest not sent, tried again later: " + p);
    } catch (RuntimeException e) {
      // the next tick tries again; the thread must not die of one failure
      log.accept("digests: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  /**
   * Stops after the mail in progress, waiting for it as long as a send may take; one cut off is
   * taken over by a later run (see {@link DigestRun}).
   */
  @Override
  public void close() {
    stopping.set(true);
    loop.shutdown();
    try {
      loop.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
