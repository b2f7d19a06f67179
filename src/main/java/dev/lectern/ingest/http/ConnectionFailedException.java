package dev.lectern.ingest.http;

import java.io.IOException;
import java.net.URI;

/**
 * No connection to the server could be made, attempt after attempt: the host is not found, refuses
 * the connection, or does not answer it. The reason is in words, for the user to act on (the
 * network, or the setting that names the server).
 */
public class ConnectionFailedException extends IOException {
  private final URI uri;
  private final String reason;

  public ConnectionFailedException(URI uri, String reason, String message, Throwable cause) {
    super(message, cause);
    this.uri = uri;
    this.reason = reason;
  }

  public URI uri() {
    return uri;
  }

  /** "host not found", "connection refused", "timed out connecting", ... */
  public String reason() {
    return reason;
  }
}
