package dev.lectern.user;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The accounts: who they are, their passwords, their admin flag and their digest settings. */
public final class Users {
  /** The implicit local user of single-user mode, who owns what was saved before accounts. */
  public static final long LOCAL_USER = 1;

  /** Names go into URLs, headers and mail: letters, digits and a few marks keep them plain. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final String COLUMNS =
      "id, name, email, admin, time_zone, created_at, password_hash IS NOT NULL";

  /** An admin who can sign in; the unclaimed local user of single-user mode cannot. */
  private static final String ADMINS_LEFT =
      "SELECT id FROM users WHERE admin = 1 AND password_hash IS NOT NULL LIMIT 1";

  private final Sql sql;
  private final Passwords passwords;
  private final Clock clock;

  Users(Sql sql, Passwords passwords, Clock clock) {
    this.sql = sql;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * @throws AccountException when the name is not acceptable or taken, or the password too short
   */
  public User create(String name, String password, boolean admin) {
    return sql.transaction(c -> byId(c, insert(c, name, password, admin)));
  }

  /** Inserts an account in a transaction the caller holds (sign-up with an invite). */
  long insert(Connection c, String name, String password, boolean admin) throws SQLException {
    String n = acceptableName(name);
    String hash = passwords.hash(password);
    if (!Sql.list(c, "SELECT id FROM users WHERE name = ? COLLATE NOCASE", r -> 1, n).isEmpty()) {
      throw new AccountException("The name " + n + " is taken; choose another.");
    }
    return Sql.insert(
        c,
        "INSERT INTO users (name, password_hash, admin, created_at) VALUES (?, ?, ?, ?)",
        n,
        hash,
        admin ? 1 : 0,
        clock.instant().toString());
  }

  public Optional<User> byId(long id) {
    return sql.one("SELECT " + COLUMNS + " FROM users WHERE id = ?", Users::user, id);
  }

  private static User byId(Connection c, long id) throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", Users::user, id).get(0);
  }

  /** The account of that name, whatever its case. */
  public Optional<User> byName(String name) {
    if (name == null) return Optional.empty();
    return sql.one(
        "SELECT " + COLUMNS + " FROM users WHERE name = ? COLLATE NOCASE",
        Users::user,
        name.strip());
  }

  /** Every account, in the order they were made. */
  public List<User> list() {
    return sql.list("SELECT " + COLUMNS + " FROM users ORDER BY id", Users::user);
  }

  /**
   * The account whose name and password these are; empty for a wrong password or an unknown name,
   * which take as long as each other.
   */
  public Optional<User> verify(String name, String password) {
    Optional<User> user = byName(name);
    String hash =
        user.flatMap(
                u ->
                    sql.one(
                        "SELECT password_hash FROM users WHERE id = ?",
                        r -> r.getString(1),
                        u.id()))
            .orElse(null);
    return passwords.verify(password, hash) ? user : Optional.empty();
  }

  /** Sets a password without asking for the old one (the command line, run by the owner). */
  public void setPassword(long id, String password) {
    String hash = passwords.hash(password);
    if (sql.update("UPDATE users SET password_hash = ? WHERE id = ?", hash, id) == 0) {
      throw new AccountException("There is no such account.");
    }
  }

  /**
   * Grants or removes the admin role; it takes effect on the account's next request, as sessions
   * and tokens look the account up each time.
   *
   * @return the account as it is now
   * @throws AccountException when there is no such account, or it is the last admin who can sign in
   */
  public User setAdmin(long id, boolean admin) {
    return sql.transaction(
        c -> {
          // the write comes first so that it holds the lock: two admins removing each other at
          // once cannot both see the other one remain
          if (Sql.update(c, "UPDATE users SET admin = ? WHERE id = ?", admin ? 1 : 0, id) == 0) {
            throw new AccountException("There is no such account.");
          }
          User user = byId(c, id);
          if (!admin && Sql.list(c, ADMINS_LEFT, r -> 1).isEmpty()) {
            throw new AccountException(
                user.name()
                    + " is the last admin who can sign in, so the role stays: make another "
                    + "account an admin first.");
          }
          return user;
        });
  }

  /**
   * Where and when digests go. A blank email address means none.
   *
   * @throws AccountException for an address or zone that cannot be right
   */
  public void updateProfile(long id, String email, String timeZone) {
    String e = email == null || email.isBlank() ? null : email.strip();
    if (e != null && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
      throw new AccountException("That is not an email address: " + e);
    }
    String zone = timeZone == null ? "" : timeZone.strip();
    try {
      zone = ZoneId.of(zone).getId();
    } catch (DateTimeException ex) {
      throw new AccountException(
          "Unknown time zone '" + zone + "'; write it as Region/City, e.g. Europe/Paris, or UTC.");
    }
    sql.update("UPDATE users SET email = ?, time_zone = ? WHERE id = ?", e, zone, id);
  }

  /**
   * Gives the implicit local user of single-user mode (user 1, who owns what was saved before
   * accounts) a name and password, and makes it an admin: its data stays where it is.
   *
   * @throws AccountException when user 1 has been claimed already, or the name is taken
   */
  public User claimLocal(String name, String password) {
    return sql.transaction(
        c -> {
          String n = acceptableName(name);
          if (!Sql.list(c, "SELECT id FROM users WHERE id = 1 AND password_hash IS NULL", r -> 1)
              .isEmpty()) {
            if (!Sql.list(
                    c, "SELECT id FROM users WHERE name = ? COLLATE NOCASE AND id <> 1", r -> 1, n)
                .isEmpty()) {
              throw new AccountException("The name " + n + " is taken; choose another.");
            }
            Sql.update(
                c,
                "UPDATE users SET name = ?, password_hash = ?, admin = 1 WHERE id = 1",
                n,
                passwords.hash(password));
            return byId(c, 1);
          }
          throw new AccountException(
              "The local user has been claimed already (it has a password); "
                  + "lectern users passwd changes it.");
        });
  }

  static String acceptableName(String name) {
    String n = name == null ? "" : name.strip();
    if (!NAME.matcher(n).matches()) {
      throw new AccountException(
          "A name has 1 to 40 letters, digits, dots, dashes or underscores, "
              + "starting with a letter or digit.");
    }
    return n;
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4) != 0,
        rs.getString(5),
        Instant.parse(rs.getString(6)),
        rs.getInt(7) != 0);
  }
}
