package dev.lectern.ingest.arxiv;

import java.io.IOException;

/**
 * A response that is not well-formed OAI-PMH XML: an HTML error page, a truncated body, garbage.
 */
public class MalformedResponseException extends IOException {
  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
