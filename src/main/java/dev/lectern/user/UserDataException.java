package dev.lectern.user;

/** A change to a user's data that cannot be made as asked; the message says what to change. */
public final class UserDataException extends RuntimeException {
  public UserDataException(String message) {
    super(message);
  }
}
