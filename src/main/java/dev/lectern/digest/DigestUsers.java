package dev.lectern.digest;

import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Users as digests see them (name, address, time zone from {@code users}) and their digest settings
 * and feed token generation ({@code digest_settings}; a user without a row has the defaults).
 */
public final class DigestUsers {
  /**
   * A user who may get digests.
   *
   * @param email null when they gave none: nothing can be sent
   */
  public record Recipient(
      long id, String name, String email, ZoneId zone, DigestSettings settings) {}

  private static final String SELECT =
      "SELECT u.id, u.name, u.email, u.time_zone, s.frequency, s.hour, s.weekday, s.enabled_at,"
          + " s.feed_generation FROM users u LEFT JOIN digest_settings s ON s.user_id = u.id";

  private final Sql sql;

  public DigestUsers(Database db) {
    this.sql = new Sql(db);
  }

  public Optional<Recipient> byId(long userId) {
    return sql.query("a user", SELECT + " WHERE u.id = ?", DigestUsers::read, userId).stream()
        .findFirst();
  }

  public Optional<Recipient> byName(String name) {
    return sql.query("a user", SELECT + " WHERE u.name = ?", DigestUsers::read, name).stream()
        .findFirst();
  }

  /** Users whose digest is on, daily or weekly. */
  public List<Recipient> subscribed() {
    return sql.query(
        "the users who get digests",
        SELECT + " WHERE s.frequency IN ('daily', 'weekly') ORDER BY u.id",
        DigestUsers::read);
  }

  public DigestSettings settings(long userId) {
    return byId(userId).map(Recipient::settings).orElse(DigestSettings.DEFAULT);
  }

  /**
   * Sets when the user's digest comes. Switching it on (or changing when) starts it from now: a
   * period already past is not owed.
   */
  public void update(long userId, Frequency frequency, int hour, DayOfWeek weekday, Instant now) {
    new DigestSettings(frequency, hour, weekday, now, 0); // checks the hour
    ensureRow(userId);
    sql.update(
        "digest settings",
        "UPDATE digest_settings SET frequency = ?, hour = ?, weekday = ?, enabled_at = ?"
            + " WHERE user_id = ?",
        frequency.key(),
        hour,
        weekday.getValue(),
        now.toString(),
        userId);
  }

  /** Turns the user's digest off: what an unsubscribe link does. */
  public void turnOff(long userId) {
    ensureRow(userId);
    sql.update(
        "digest settings",
        "UPDATE digest_settings SET frequency = 'off' WHERE user_id = ?",
        userId);
  }

  /** Revokes the user's feed link: the next token differs. */
  public void newFeedGeneration(long userId) {
    ensureRow(userId);
    sql.update(
        "a new feed link",
        "UPDATE digest_settings SET feed_generation = feed_generation + 1 WHERE user_id = ?",
        userId);
  }

  private void ensureRow(long userId) {
    sql.update(
        "digest settings",
        "INSERT OR IGNORE INTO digest_settings (user_id) SELECT id FROM users WHERE id = ?",
        userId);
  }

  private static Recipient read(ResultSet rs) throws SQLException {
    String frequency = rs.getString(5);
    String enabled = rs.getString(8);
    DigestSettings s =
        frequency == null
            ? DigestSettings.DEFAULT
            : new DigestSettings(
                Optional.ofNullable(Frequency.of(frequency)).orElse(Frequency.OFF),
                rs.getInt(6),
                DayOfWeek.of(Math.clamp(rs.getInt(7), 1, 7)),
                enabled == null ? null : Instant.parse(enabled),
                rs.getInt(9));
    String email = rs.getString(3);
    return new Recipient(
        rs.getLong(1),
        rs.getString(2),
        email == null || email.isBlank() ? null : email.strip(),
        zone(rs.getString(4)),
        s);
  }

  /** A zone the database holds but this JVM does not know counts as UTC, not as a failure. */
  private static ZoneId zone(String id) {
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
