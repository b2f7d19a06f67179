package dev.lectern.user;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j), stored in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so that the parameters can be raised later and old
 * hashes still verify with the ones they were made with.
 */
public final class Passwords {
  /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
  static final int MEMORY_KIB = 19 * 1024;

  static final int PASSES = 2;
  static final int MIN_LENGTH = 8;

  /** Argon2 takes any length; a limit keeps a megabyte "password" from costing a request. */
  static final int MAX_LENGTH = 1_000;

  private final Argon2Function argon2 =
      Argon2Function.getInstance(MEMORY_KIB, PASSES, 1, 32, Argon2.ID);

  /** Verified when a name is unknown, so an answer takes as long for a name that does not exist. */
  private final String decoy;

  public Passwords() {
    decoy = hash(Secrets.random());
  }

  /**
   * @throws AccountException when the password is too short or too long
   */
  public String hash(String password) {
    acceptable(password);
    return argon2.hash(password).getResult();
  }

  /** Whether {@code password} is the one {@code stored} was made from; false for a null hash. */
  public boolean verify(String password, String stored) {
    if (password == null || password.length() > MAX_LENGTH) return false;
    if (stored == null) {
      Argon2Function.getInstanceFromHash(decoy).check(password, decoy);
      return false;
    }
    try {
      return Argon2Function.getInstanceFromHash(stored).check(password, stored);
    } catch (RuntimeException e) {
      return false; // not an Argon2 hash: nothing verifies against it
    }
  }

  /**
   * @throws AccountException when the password is too short or too long
   */
  public static void acceptable(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new AccountException(
          "A password needs at least " + MIN_LENGTH + " characters; a few words make a good one.");
    }
    if (password.length() > MAX_LENGTH) {
      throw new AccountException("A password can have at most " + MAX_LENGTH + " characters.");
    }
  }
}
