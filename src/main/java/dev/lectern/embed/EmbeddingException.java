package dev.lectern.embed;

/** The embedding model could not be loaded or run; the message says what to check. */
public class EmbeddingException extends RuntimeException {
  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmbeddingException(String message) {
    super(message);
  }
}
