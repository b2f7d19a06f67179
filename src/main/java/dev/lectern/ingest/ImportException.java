package dev.lectern.ingest;

/**
 * An import could not go on; what was committed before stays, and the message says how to resume.
 */
public class ImportException extends RuntimeException {
  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }

  public ImportException(String message) {
    super(message);
  }
}
