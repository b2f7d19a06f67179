package dev.lectern.user;

import java.time.Duration;
import java.util.Locale;

/**
 * How accounts work on this server.
 *
 * @param mode single: no sign-in, everything belongs to the implicit local user; multi: accounts
 * @param signup invite: only with a code an admin made; open: anyone who reaches the server
 * @param sessionLifetime how long a session lasts after it was last used
 */
public record AccountSettings(Mode mode, Signup signup, Duration sessionLifetime) {
  public enum Mode {
    SINGLE,
    MULTI
  }

  public enum Signup {
    INVITE,
    OPEN
  }

  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(30);

  public static AccountSettings single() {
    return new AccountSettings(Mode.SINGLE, Signup.INVITE, DEFAULT_SESSION_LIFETIME);
  }

  public static AccountSettings multi(Signup signup) {
    return new AccountSettings(Mode.MULTI, signup, DEFAULT_SESSION_LIFETIME);
  }

  /**
   * From the settings' words ({@code single}/{@code multi}, {@code invite}/{@code open}).
   *
   * @throws IllegalArgumentException naming what is accepted
   */
  public static AccountSettings parse(String mode, String signup, Duration sessionLifetime) {
    if (sessionLifetime.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("a session must last at least 5m");
    }
    return new AccountSettings(
        word(Mode.class, mode, "single or multi"),
        word(Signup.class, signup, "invite or open"),
        sessionLifetime);
  }

  private static <E extends Enum<E>> E word(Class<E> type, String text, String accepted) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not " + accepted, e);
    }
  }

  public boolean multi() {
    return mode == Mode.MULTI;
  }
}
