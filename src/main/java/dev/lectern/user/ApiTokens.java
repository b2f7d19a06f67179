package dev.lectern.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: a user makes one with a name, sees it once, and sends it as {@code
 * Authorization: Bearer ...} to the JSON API; only its SHA-256 is stored.
 */
public final class ApiTokens {
  /** Tokens start with this, so that one pasted into the wrong place is recognisable. */
  public static final String PREFIX = "lct_";

  static final int MAX_NAME = 60;
  static final int MAX_PER_USER = 50;

  /**
   * A token as its owner's account page lists it.
   *
   * @param hint the token's first characters
   * @param lastUsedAt null for never
   */
  public record Token(long id, String name, String hint, Instant createdAt, Instant lastUsedAt) {}

  /** A new token and its secret, which is shown this once. */
  public record NewToken(long id, String name, String secret) {}

  private final Sql sql;
  private final Clock clock;

  ApiTokens(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /**
   * @throws AccountException for a blank or long name, or too many tokens
   */
  public NewToken create(long userId, String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME) {
      throw new AccountException(
          "Name the token (up to " + MAX_NAME + " characters), e.g. after where it is used.");
    }
    if (list(userId).size() >= MAX_PER_USER) {
      throw new AccountException(
          "You have " + MAX_PER_USER + " tokens; revoke one you no longer use first.");
    }
    String secret = PREFIX + Secrets.random();
    long id =
        sql.transaction(
            c ->
                Sql.insert(
                    c,
                    "INSERT INTO api_tokens (user_id, name, token_hash, hint, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                    userId,
                    n,
                    Secrets.digest(secret),
                    secret.substring(0, PREFIX.length() + 4),
                    clock.instant().toString()));
    return new NewToken(id, n, secret);
  }

  /** The user's tokens, newest first. */
  public List<Token> list(long userId) {
    return sql.list(
        "SELECT id, name, hint, created_at, last_used_at FROM api_tokens WHERE user_id = ? "
            + "ORDER BY id DESC",
        r ->
            new Token(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                Instant.parse(r.getString(4)),
                r.getString(5) == null ? null : Instant.parse(r.getString(5))),
        userId);
  }

  /** Revokes one of the user's own tokens; false when the user has no token of that id. */
  public boolean revoke(long userId, long tokenId) {
    return sql.update("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", tokenId, userId) > 0;
  }

  /** The user a token belongs to; empty for an unknown or revoked one. */
  public Optional<Long> resolve(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
    String hash = Secrets.digest(secret.strip());
    record Row(long userId, Instant lastUsed) {}
    Optional<Row> row =
        sql.one(
            "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = ?",
            r ->
                new Row(
                    r.getLong(1), r.getString(2) == null ? null : Instant.parse(r.getString(2))),
            hash);
    Instant now = clock.instant();
    // last use is for the owner's list: to the minute is enough, and spares a write per request
    if (row.isPresent()
        && (row.get().lastUsed() == null
            || Duration.between(row.get().lastUsed(), now).compareTo(Sessions.TOUCH_EVERY) >= 0)) {
      sql.update(
          "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?", now.toString(), hash);
    }
    return row.map(Row::userId);
  }
}
