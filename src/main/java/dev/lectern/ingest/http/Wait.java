package dev.lectern.ingest.http;

import java.net.URI;
import java.time.Duration;

/**
 * A wait the client asked its {@link Sleeper} for before requesting {@code uri}, and why: so a user
 * can see that the harvest is being polite rather than stuck, and tests can check what the client
 * did.
 */
public record Wait(URI uri, Duration duration, Reason reason, String detail) {
  public enum Reason {
    /** Keeping the minimum delay between two requests to the same client. */
    PACING,
    /** The server said how long to wait (HTTP 503/429 with Retry-After). */
    RETRY_AFTER,
    /** Exponential backoff after a transient failure. */
    BACKOFF
  }

  @Override
  public String toString() {
    return "waiting "
        + duration.toMillis() / 1000.0
        + " s before "
        + uri
        + " ("
        + reason
        + (detail == null ? "" : ": " + detail)
        + ")";
  }
}
