package dev.lectern.user;

import dev.lectern.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts, wired: the users, their sessions, invites and API tokens, sign-in with its rate limit,
 * and the library's signing key. The web layer calls this; it holds no web types.
 */
public final class Accounts {
  /** The outcome of a sign-in. */
  public sealed interface SignIn {
    /** Signed in: the session's secret id goes into the cookie. */
    record Done(User user, String sessionId) implements SignIn {}

    /** Wrong name or password (which of the two is not said). */
    record Wrong() implements SignIn {}

    /** Too many failures: try again after {@code retryAfter}. */
    record Limited(Duration retryAfter) implements SignIn {}
  }

  private final AccountSettings settings;
  private final Sql sql;
  private final Users users;
  private final Sessions sessions;
  private final Invites invites;
  private final ApiTokens tokens;
  private final LoginLimiter limiter;
  private final Clock clock;

  public Accounts(Database db, AccountSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.sql = new Sql(db);
    this.users = new Users(sql, new Passwords(), clock);
    this.sessions = new Sessions(sql, clock, settings.sessionLifetime());
    this.invites = new Invites(sql, clock);
    this.tokens = new ApiTokens(sql, clock);
    this.limiter = new LoginLimiter(clock);
  }

  public AccountSettings settings() {
    return settings;
  }

  /** The time as the accounts see it (when invites and sessions expire). */
  public Instant now() {
    return clock.instant();
  }

  public Users users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public Invites invites() {
    return invites;
  }

  public ApiTokens tokens() {
    return tokens;
  }

  /** Checks the password, unless this name or address has failed too often lately. */
  public SignIn signIn(String name, String password, String address) {
    Duration wait = limiter.wait(name, address);
    if (!wait.isZero()) return new SignIn.Limited(wait);
    Optional<User> user = users.verify(name, password);
    if (user.isEmpty()) {
      limiter.failed(name, address);
      return new SignIn.Wrong();
    }
    limiter.succeeded(name);
    return new SignIn.Done(user.get(), sessions.open(user.get().id()));
  }

  /**
   * Changes a password given the current one, under the same rate limit as signing in: a session
   * left open on a shared machine must not let someone guess the password behind it.
   *
   * @throws AccountException for a wrong current password, too many of them, or a new one not
   *     acceptable
   */
  public void changePassword(User user, String current, String next, String address) {
    Duration wait = limiter.wait(user.name(), address);
    if (!wait.isZero()) {
      throw new AccountException(
          "Too many wrong passwords: try again in " + Math.max(1, wait.toSeconds()) + " s.");
    }
    if (users.verify(user.name(), current).isEmpty()) {
      limiter.failed(user.name(), address);
      throw new AccountException("The current password is not right.");
    }
    users.setPassword(user.id(), next);
  }

  /**
   * Makes an account as sign-up does: with an invite code when sign-up is by invite (the code is
   * used up in the same transaction), and signs it in.
   *
   * @throws AccountException for a name taken, a short password or a code that does not work
   */
  public SignIn.Done signUp(String name, String password, String inviteCode) {
    if (!settings.multi()) {
      throw new AccountException("Lectern runs in single-user mode: there are no accounts.");
    }
    long id =
        sql.transaction(
            c -> {
              long created = users.insert(c, name, password, false);
              if (settings.signup() == AccountSettings.Signup.INVITE) {
                invites.redeem(c, inviteCode, created);
              }
              return created;
            });
    User user = users.byId(id).orElseThrow();
    return new SignIn.Done(user, sessions.open(id));
  }

  /**
   * The key this library signs CSRF tokens with, made at first use and kept in the library, so it
   * survives restarts and is the same for every process on the library.
   */
  public String signingKey() {
    sql.update("INSERT OR IGNORE INTO secrets (name, value) VALUES ('csrf', ?)", Secrets.random());
    return sql.one("SELECT value FROM secrets WHERE name = 'csrf'", r -> r.getString(1))
        .orElseThrow();
  }
}
