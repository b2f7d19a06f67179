package dev.lectern.user;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Single-use invitation codes an admin makes, for sign-up when it is by invite only. */
public final class Invites {
  /** How long an unused invite works. */
  public static final Duration LIFETIME = Duration.ofDays(14);

  /**
   * An invite as the admin page lists it.
   *
   * @param hint the code's first characters (the code itself is shown only once)
   * @param usedBy the name of who signed up with it, null while unused
   */
  public record Invite(
      long id,
      String hint,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      String usedBy,
      boolean revoked) {
    public String state(Instant now) {
      if (usedBy != null) return "used by " + usedBy;
      if (revoked) return "revoked";
      return now.isBefore(expiresAt) ? "open" : "expired";
    }

    public boolean open(Instant now) {
      return usedBy == null && !revoked && now.isBefore(expiresAt);
    }
  }

  /** A new invite and its code, which is shown this once. */
  public record NewInvite(long id, String code, Instant expiresAt) {}

  private final Sql sql;
  private final Clock clock;

  Invites(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  public NewInvite create(long createdBy) {
    String code = Secrets.random(16);
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    long id =
        sql.transaction(
            c ->
                Sql.insert(
                    c,
                    "INSERT INTO invites (code_hash, hint, created_by, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                    Secrets.digest(code),
                    code.substring(0, 4),
                    createdBy,
                    now.toString(),
                    expires.toString()));
    return new NewInvite(id, code, expires);
  }

  /** Every invite, newest first. */
  public List<Invite> list() {
    return sql.list(
        "SELECT i.id, i.hint, c.name, i.created_at, i.expires_at, u.name, i.revoked_at "
            + "FROM invites i JOIN users c ON c.id = i.created_by "
            + "LEFT JOIN users u ON u.id = i.used_by ORDER BY i.id DESC",
        r ->
            new Invite(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                Instant.parse(r.getString(4)),
                Instant.parse(r.getString(5)),
                r.getString(6),
                r.getString(7) != null));
  }

  /** Revokes an unused invite; false when there is none such or it was used. */
  public boolean revoke(long id) {
    return sql.update(
            "UPDATE invites SET revoked_at = ? WHERE id = ? AND used_by IS NULL "
                + "AND revoked_at IS NULL",
            clock.instant().toString(),
            id)
        > 0;
  }

  /**
   * Marks the invite of {@code code} used by {@code userId}, in the caller's transaction.
   *
   * @throws AccountException when the code is unknown, used, revoked or expired
   */
  void redeem(Connection c, String code, long userId) throws SQLException {
    String now = clock.instant().toString();
    int marked =
        Sql.update(
            c,
            "UPDATE invites SET used_by = ?, used_at = ? WHERE code_hash = ? AND used_by IS NULL "
                + "AND revoked_at IS NULL AND expires_at > ?",
            userId,
            now,
            Secrets.digest(code == null ? "" : code.strip()),
            now);
    if (marked == 0) {
      throw new AccountException(
          "That invite code does not work: it may be mistyped, used, revoked or expired. "
              + "Ask an admin for a new one.");
    }
  }
}
