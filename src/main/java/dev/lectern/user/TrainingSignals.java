package dev.lectern.user;

import dev.lectern.recommend.SignalSource;
import dev.lectern.recommend.UserSignals;
import dev.lectern.store.PaperLibrary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What "For you" learns from, read from a user's marks and collections: saved papers (newest first)
 * and each collection, less the papers the user took out of the training; dismissed papers as
 * negatives. Papers shown in "For you" or a digest before today are left out of the
 * recommendations, so each is suggested once while a day's list stays put on reload.
 */
public final class TrainingSignals implements SignalSource {
  private final Sql sql;
  private final Clock clock;

  public TrainingSignals(PaperLibrary library, Clock clock) {
    this.sql = new Sql(library.database());
    this.clock = clock;
  }

  @Override
  public UserSignals signals(long userId) {
    List<String> saved =
        sql.query(
            "read the saved papers",
            "SELECT paper_id FROM paper_marks WHERE user_id = ? AND saved_at IS NOT NULL "
                + "AND untrained_at IS NULL ORDER BY saved_at DESC, paper_id",
            rs -> rs.getString(1),
            userId);
    Map<String, List<String>> collections = new LinkedHashMap<>();
    sql.query(
            "read the collections",
            "SELECT c.name, p.paper_id FROM collections c "
                + "JOIN collection_papers p ON p.collection_id = c.id "
                + "LEFT JOIN paper_marks m ON m.user_id = c.user_id AND m.paper_id = p.paper_id "
                + "WHERE c.user_id = ? AND m.untrained_at IS NULL "
                + "ORDER BY c.name, p.added_at DESC, p.paper_id",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            userId)
        .forEach(r -> collections.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
    Set<String> dismissed =
        new HashSet<>(
            sql.query(
                "read the dismissed papers",
                "SELECT paper_id FROM paper_marks WHERE user_id = ? AND dismissed_at IS NOT NULL",
                rs -> rs.getString(1),
                userId));
    String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    Set<String> shown =
        new HashSet<>(
            sql.query(
                "read what was shown",
                "SELECT paper_id FROM paper_marks WHERE user_id = ? "
                    + "AND ((seen_at IS NOT NULL AND seen_at < ?) OR untrained_at IS NOT NULL)",
                rs -> rs.getString(1),
                userId,
                today));
    return new UserSignals(saved, collections, dismissed, shown);
  }

  /** The papers the user took out of the training, the most recent first. */
  public List<String> untrained(long userId) {
    return sql.query(
        "read the papers taken out of the training",
        "SELECT paper_id FROM paper_marks WHERE user_id = ? AND untrained_at IS NOT NULL "
            + "ORDER BY untrained_at DESC, paper_id",
        rs -> rs.getString(1),
        userId);
  }
}
