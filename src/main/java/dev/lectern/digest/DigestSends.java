package dev.lectern.digest;

import dev.lectern.digest.DigestMail.Composed;
import dev.lectern.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every digest composed, one row per user and period ({@code digest_sends}): written as pending
 * with its whole mail before anything is sent, claimed by one sender at a time, then marked sent or
 * given a later try. A period has one row, so it is never composed twice; a pending row outlives a
 * crash, so the next run sends it.
 */
public final class DigestSends {
  /** Where a digest stands. */
  public enum Status {
    /** Nothing new for that period: no mail. */
    EMPTY,
    PENDING,
    /** Claimed by a sender; taken over when its claim runs out (the sender died). */
    SENDING,
    SENT
  }

  /** One row. */
  public record Send(
      long id,
      long userId,
      String period,
      LocalDate since,
      LocalDate cutoff,
      Status status,
      int attempts,
      String lastError,
      String recipient,
      Composed mail,
      String messageId,
      String sentAt) {}

  private static final String COLUMNS =
      "id, user_id, period, since_day, cutoff_day, status, attempts, last_error, recipient,"
          + " subject, text_body, html_body, message_id, sent_at";

  private final Sql sql;

  public DigestSends(Database db) {
    this.sql = new Sql(db);
  }

  public boolean exists(long userId, Instant period) {
    return !sql.query(
            "a digest",
            "SELECT 1 FROM digest_sends WHERE user_id = ? AND period = ?",
            rs -> 1,
            userId,
            period.toString())
        .isEmpty();
  }

  /**
   * The user's last digest: the last day it covered, and how far the library's arrivals went when
   * it was composed (see {@link DigestWindow}; a digest from before that was recorded gives the
   * time it was).
   */
  public record Last(LocalDate cutoff, Instant arrivedUntil) {}

  /** The user's last digest, empty before their first. */
  public Optional<Last> last(long userId) {
    return sql
        .query(
            "the last digest",
            "SELECT cutoff_day, COALESCE(arrived_until, created_at) FROM digest_sends"
                + " WHERE user_id = ? ORDER BY cutoff_day DESC, id DESC LIMIT 1",
            rs -> new Last(LocalDate.parse(rs.getString(1)), Instant.parse(rs.getString(2))),
            userId)
        .stream()
        .findFirst();
  }

  /** Records a period with nothing to send; false when the period already has its row. */
  public boolean addEmpty(
      long userId,
      Instant period,
      LocalDate since,
      LocalDate cutoff,
      Instant arrivedUntil,
      Instant now) {
    return sql.update(
            "an empty digest",
            "INSERT OR IGNORE INTO digest_sends (user_id, period, since_day, cutoff_day, status,"
                + " arrived_until, created_at) VALUES (?, ?, ?, ?, 'empty', ?, ?)",
            userId,
            period.toString(),
            since.toString(),
            cutoff.toString(),
            arrivedUntil == null ? null : arrivedUntil.toString(),
            now.toString())
        == 1;
  }

  /**
   * Records a digest to send, due at once, with its "For you" papers (marked seen when it is sent);
   * false when the period already has its row.
   */
  public boolean addPending(
      long userId,
      Instant period,
      LocalDate since,
      LocalDate cutoff,
      String recipient,
      Composed mail,
      String messageId,
      List<String> recommended,
      Instant arrivedUntil,
      Instant now) {
    return sql.update(
            "a digest to send",
            "INSERT OR IGNORE INTO digest_sends (user_id, period, since_day, cutoff_day, status,"
                + " next_attempt, recipient, subject, text_body, html_body, message_id,"
                + " recommended, arrived_until, created_at)"
                + " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            userId,
            period.toString(),
            since.toString(),
            cutoff.toString(),
            now.toEpochMilli(),
            recipient,
            mail.subject(),
            mail.text(),
            mail.html(),
            messageId,
            recommended.isEmpty() ? null : String.join(" ", recommended),
            arrivedUntil == null ? null : arrivedUntil.toString(),
            now.toString())
        == 1;
  }

  /** Digests that may be sent at {@code now}: pending and due, or claimed by a sender long gone. */
  public List<Send> due(Instant now) {
    return sql.query(
        "the digests to send",
        "SELECT "
            + COLUMNS
            + " FROM digest_sends WHERE status IN ('pending', 'sending') AND next_attempt <= ?"
            + " ORDER BY id",
        DigestSends::read,
        now.toEpochMilli());
  }

  /**
   * Takes a due digest for this sender until {@code until}; false when another took it first (a
   * second process running digests at the same time).
   */
  public boolean claim(long id, Instant now, Instant until) {
    return sql.update(
            "a claim on a digest",
            "UPDATE digest_sends SET status = 'sending', next_attempt = ?"
                + " WHERE id = ? AND status IN ('pending', 'sending') AND next_attempt <= ?",
            until.toEpochMilli(),
            id,
            now.toEpochMilli())
        == 1;
  }

  /**
   * The digest went out: it is marked sent and its "For you" papers seen for its user, keeping an
   * earlier first time (as PaperMarks.markSeen does), in one transaction, so that a digest never
   * sent marks nothing and one sent marks them all.
   */
  public void markSent(long id, Instant now) {
    sql.transaction(
        "a sent digest",
        c -> {
          Sql.update(
              c,
              "UPDATE digest_sends SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
                  + " next_attempt = NULL, last_error = NULL WHERE id = ?",
              now.toString(),
              id);
          List<String[]> row =
              Sql.query(
                  c,
                  "SELECT user_id, recommended FROM digest_sends WHERE id = ?",
                  rs -> new String[] {rs.getString(1), rs.getString(2)},
                  id);
          if (row.isEmpty() || row.get(0)[1] == null) return null;
          for (String paper : row.get(0)[1].split(" ")) {
            Sql.update(
                c,
                "INSERT INTO paper_marks (user_id, paper_id, seen_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (user_id, paper_id)"
                    + " DO UPDATE SET seen_at = COALESCE(seen_at, excluded.seen_at)",
                Long.parseLong(row.get(0)[0]),
                paper,
                now.toString());
          }
          return null;
        });
  }

  /** The try failed: pending again, to be tried at {@code retryAt}. */
  public void markFailed(long id, String error, Instant retryAt) {
    sql.update(
        "a failed digest",
        "UPDATE digest_sends SET status = 'pending', attempts = attempts + 1, last_error = ?,"
            + " next_attempt = ? WHERE id = ?",
        error,
        retryAt.toEpochMilli(),
        id);
  }

  /** The user's latest digests, newest first. */
  public List<Send> recent(long userId, int limit) {
    return sql.query(
        "the user's digests",
        "SELECT " + COLUMNS + " FROM digest_sends WHERE user_id = ? ORDER BY id DESC LIMIT ?",
        DigestSends::read,
        userId,
        limit);
  }

  private static Send read(ResultSet rs) throws SQLException {
    return new Send(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        LocalDate.parse(rs.getString(4)),
        LocalDate.parse(rs.getString(5)),
        Status.valueOf(rs.getString(6).toUpperCase(java.util.Locale.ROOT)),
        rs.getInt(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10) == null
            ? null
            : new Composed(rs.getString(10), rs.getString(11), rs.getString(12)),
        rs.getString(13),
        rs.getString(14));
  }
}
