package dev.lectern.user;

/**
 * Something an account request cannot do, said so that the person can change it: a name taken, a
 * password too short, an invite already used. Pages show the message beside the form.
 */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountException(String message) {
    super(message);
  }
}
