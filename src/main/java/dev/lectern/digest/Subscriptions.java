package dev.lectern.digest;

import dev.lectern.digest.Subscription.Kind;
import dev.lectern.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each user's saved searches and follows. Every read and change names the user, so one user never
 * reaches another's.
 */
public final class Subscriptions {
  /** Enough for anyone; a bound keeps a digest's searches few. */
  public static final int MAX_PER_USER = 100;

  public static final int MAX_NAME = 200;

  private static final String COLUMNS = "id, user_id, kind, target, name";

  private final Sql sql;

  public Subscriptions(Database db) {
    this.sql = new Sql(db);
  }

  public List<Subscription> of(long userId) {
    return sql.query(
        "saved searches",
        "SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ? ORDER BY kind DESC, id",
        Subscriptions::read,
        userId);
  }

  public Optional<Subscription> find(long userId, Kind kind, String target) {
    return sql
        .query(
            "a saved search",
            "SELECT "
                + COLUMNS
                + " FROM subscriptions WHERE user_id = ? AND kind = ? AND target = ?",
            Subscriptions::read,
            userId,
            kind.key(),
            target)
        .stream()
        .findFirst();
  }

  /**
   * Saves a search or a follow; one already saved is kept as it is.
   *
   * @throws InvalidInput when the name is blank or too long, or the user has too many
   */
  public Subscription add(long userId, Kind kind, String target, String name) {
    Optional<Subscription> existing = find(userId, kind, target);
    if (existing.isPresent()) return existing.get();
    String n = checkedName(name);
    if (of(userId).size() >= MAX_PER_USER)
      throw new InvalidInput(
          "you have " + MAX_PER_USER + " saved searches and follows; remove one to add another");
    sql.update(
        "a saved search",
        "INSERT OR IGNORE INTO subscriptions (user_id, kind, target, name, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        userId,
        kind.key(),
        target,
        n,
        Instant.now().toString());
    return find(userId, kind, target).orElseThrow();
  }

  /** Renames one of the user's own; false when they have none with that id. */
  public boolean rename(long userId, long id, String name) {
    String n = checkedName(name);
    return sql.update(
            "a new name",
            "UPDATE subscriptions SET name = ? WHERE id = ? AND user_id = ?",
            n,
            id,
            userId)
        == 1;
  }

  /** Removes one of the user's own; false when they have none with that id. */
  public boolean remove(long userId, long id) {
    return sql.update(
            "a removal", "DELETE FROM subscriptions WHERE id = ? AND user_id = ?", id, userId)
        == 1;
  }

  private static String checkedName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) throw new InvalidInput("a name is needed, such as 'graph neural networks'");
    if (n.length() > MAX_NAME)
      throw new InvalidInput(
          "a name has at most " + MAX_NAME + " characters; this one has " + n.length());
    return n;
  }

  private static Subscription read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Subscription(
        rs.getLong(1), rs.getLong(2), Kind.of(rs.getString(3)), rs.getString(4), rs.getString(5));
  }
}
