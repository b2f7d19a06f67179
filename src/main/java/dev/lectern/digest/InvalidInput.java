package dev.lectern.digest;

/** What a user asked cannot be done as asked; the message says what to change. */
public final class InvalidInput extends RuntimeException {
  public InvalidInput(String message) {
    super(message);
  }
}
