package dev.lectern.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sign-in sessions. The cookie carries 256 random bits; the table keeps only their
 * SHA-256, so signing out (or a password change) ends a session for good. A session lasts {@code
 * lifetime} after it was last used (sliding expiry).
 */
public final class Sessions {
  /** Last use is written at most this often, not at every request. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A session in use: whose it is and until when it lasts if not used again. */
  public record Session(long userId, Instant expiresAt, boolean extended) {}

  private final Sql sql;
  private final Clock clock;
  private final Duration lifetime;

  Sessions(Sql sql, Clock clock, Duration lifetime) {
    this.sql = sql;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Opens a session for the user; returns the secret id for the cookie. */
  public String open(long userId) {
    String id = Secrets.random();
    Instant now = clock.instant();
    sql.update("DELETE FROM sessions WHERE expires_at < ?", now.toString());
    sql.update(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen, expires_at) "
            + "VALUES (?, ?, ?, ?, ?)",
        Secrets.digest(id),
        userId,
        now.toString(),
        now.toString(),
        now.plus(lifetime).toString());
    return id;
  }

  /** The session of a cookie's id, extended since it is in use; empty when unknown or expired. */
  public Optional<Session> resolve(String id) {
    if (id == null || id.isBlank()) return Optional.empty();
    String hash = Secrets.digest(id);
    Instant now = clock.instant();
    record Row(long userId, Instant lastSeen, Instant expiresAt) {}
    Optional<Row> row =
        sql.one(
            "SELECT user_id, last_seen, expires_at FROM sessions WHERE id_hash = ?",
            r ->
                new Row(r.getLong(1), Instant.parse(r.getString(2)), Instant.parse(r.getString(3))),
            hash);
    if (row.isEmpty()) return Optional.empty();
    if (!now.isBefore(row.get().expiresAt())) {
      sql.update("DELETE FROM sessions WHERE id_hash = ?", hash);
      return Optional.empty();
    }
    if (Duration.between(row.get().lastSeen(), now).compareTo(TOUCH_EVERY) < 0) {
      return Optional.of(new Session(row.get().userId(), row.get().expiresAt(), false));
    }
    Instant expires = now.plus(lifetime);
    sql.update(
        "UPDATE sessions SET last_seen = ?, expires_at = ? WHERE id_hash = ?",
        now.toString(),
        expires.toString(),
        hash);
    return Optional.of(new Session(row.get().userId(), expires, true));
  }

  /** Ends the session of a cookie's id (signing out). */
  public void close(String id) {
    if (id != null) sql.update("DELETE FROM sessions WHERE id_hash = ?", Secrets.digest(id));
  }

  /** Ends every session of the user but {@code keep} (after a password change). */
  public void closeOthers(long userId, String keep) {
    sql.update(
        "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
        userId,
        keep == null ? "" : Secrets.digest(keep));
  }
}
