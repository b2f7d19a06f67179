package dev.lectern.ingest.http;

import java.io.IOException;
import java.net.URI;

/** The server answered with an HTTP status that retrying will not fix (or stopped retrying on). */
public class HttpStatusException extends IOException {
  private final URI uri;
  private final int status;

  public HttpStatusException(URI uri, int status, String message) {
    super(message);
    this.uri = uri;
    this.status = status;
  }

  public URI uri() {
    return uri;
  }

  public int status() {
    return status;
  }
}
