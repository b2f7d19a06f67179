package dev.lectern.index;

/** The search index cannot be opened, read or written; the message says what to do. */
public class IndexException extends RuntimeException {
  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndexException(String message) {
    super(message);
  }
}
