package dev.lectern.user;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each user did with papers: upvoted, saved, "not interested" (dismissed) and seen, each with
 * its time. Every read and change is one user's (their id from the caller, never assumed); only
 * {@link #votes} counts across users, for the trending score.
 *
 * <p>A paper id given here is resolved through the library first, so an old title id marks the
 * paper it moved to; rows already written move with the paper (see {@code PaperWriter}).
 */
public final class PaperMarks {
  /** A mark a user puts on a paper, by the column that holds its time. */
  public enum Mark {
    VOTED("voted_at"),
    SAVED("saved_at"),
    DISMISSED("dismissed_at"),
    SEEN("seen_at"),
    /** Taken out of what "For you" learns from, though still saved. */
    UNTRAINED("untrained_at");

    private final String column;

    Mark(String column) {
      this.column = column;
    }
  }

  /** A user's marks on one paper; {@code seen} null when never shown to them. */
  public record State(boolean voted, boolean saved, boolean dismissed, Instant seen) {
    public static final State NONE = new State(false, false, false, null);
  }

  /** A paper and when the user marked it. */
  public record Marked(Paper paper, Instant at) {}

  /** A page of a longer list, and how long the whole list is. */
  public record Slice<T>(List<T> items, int total) {}

  private final PaperLibrary library;
  private final Sql sql;
  private final Clock clock;

  public PaperMarks(PaperLibrary library, Clock clock) {
    this.library = library;
    this.sql = new Sql(library.database());
    this.clock = clock;
  }

  /**
   * Puts a mark on a paper or takes it off. Putting one that is there keeps its first time, so a
   * form sent twice changes nothing.
   *
   * @return the paper, under its current id; empty when the library has no paper with this id
   */
  public Optional<Paper> set(long user, String paperId, Mark mark, boolean on) {
    Optional<Paper> paper = library.get(paperId);
    paper.ifPresent(p -> write(user, p.id(), mark, on));
    return paper;
  }

  private void write(long user, String id, Mark mark, boolean on) {
    String c = mark.column;
    if (on) {
      sql.change(
          "mark paper " + id,
          "INSERT INTO paper_marks (user_id, paper_id, "
              + c
              + ") VALUES (?,?,?) "
              + "ON CONFLICT (user_id, paper_id) DO UPDATE SET "
              + c
              + " = COALESCE("
              + c
              + ", excluded."
              + c
              + ")",
          user,
          id,
          clock.instant().toString());
      return;
    }
    sql.change(
        "unmark paper " + id,
        "UPDATE paper_marks SET " + c + " = NULL WHERE user_id = ? AND paper_id = ?",
        user,
        id);
    sql.change(
        "tidy the marks of paper " + id,
        "DELETE FROM paper_marks WHERE user_id = ? AND paper_id = ? AND voted_at IS NULL "
            + "AND saved_at IS NULL AND dismissed_at IS NULL AND seen_at IS NULL "
            + "AND untrained_at IS NULL",
        user,
        id);
  }

  /** The user's marks on these papers (current ids, as lists show them); unmarked ones absent. */
  public Map<String, State> of(long user, Collection<String> paperIds) {
    Map<String, State> out = new HashMap<>();
    if (paperIds.isEmpty()) return out;
    List<Object> args = new ArrayList<>();
    args.add(user);
    args.addAll(paperIds);
    for (var row :
        sql.query(
            "read marks",
            "SELECT paper_id, voted_at, saved_at, dismissed_at, seen_at FROM paper_marks "
                + "WHERE user_id = ? AND paper_id IN ("
                + Sql.marks(paperIds.size())
                + ")",
            rs ->
                Map.entry(
                    rs.getString(1),
                    new State(
                        rs.getString(2) != null,
                        rs.getString(3) != null,
                        rs.getString(4) != null,
                        instant(rs.getString(5)))),
            args.toArray())) out.put(row.getKey(), row.getValue());
    return out;
  }

  /** The user's marks on one paper. */
  public State of(long user, String paperId) {
    return of(user, List.of(paperId)).getOrDefault(paperId, State.NONE);
  }

  /** Local upvotes of all users on these papers; papers without any are absent. */
  public Map<String, Integer> votes(Collection<String> paperIds) {
    Map<String, Integer> out = new HashMap<>();
    if (paperIds.isEmpty()) return out;
    for (var row :
        sql.query(
            "count votes",
            "SELECT paper_id, COUNT(*) FROM paper_marks WHERE voted_at IS NOT NULL "
                + "AND paper_id IN ("
                + Sql.marks(paperIds.size())
                + ") GROUP BY paper_id",
            rs -> Map.entry(rs.getString(1), rs.getInt(2)),
            paperIds.toArray())) out.put(row.getKey(), row.getValue());
    return out;
  }

  /** The user's papers with a mark, the most recently marked first, a page at a time. */
  public Slice<Marked> list(long user, Mark mark, int offset, int limit) {
    String c = mark.column;
    int total =
        (int)
            sql.number(
                "count marked papers",
                "SELECT COUNT(*) FROM paper_marks WHERE user_id = ? AND " + c + " IS NOT NULL",
                user);
    List<Map.Entry<String, Instant>> rows =
        sql.query(
            "list marked papers",
            "SELECT paper_id, "
                + c
                + " FROM paper_marks WHERE user_id = ? AND "
                + c
                + " IS NOT NULL ORDER BY "
                + c
                + " DESC, paper_id DESC LIMIT ? OFFSET ?",
            rs -> Map.entry(rs.getString(1), Instant.parse(rs.getString(2))),
            user,
            limit,
            offset);
    Map<String, Paper> papers = new HashMap<>();
    for (Paper p : library.getAll(rows.stream().map(Map.Entry::getKey).toList()))
      papers.put(p.id(), p);
    List<Marked> items = new ArrayList<>();
    for (var r : rows)
      if (papers.containsKey(r.getKey()))
        items.add(new Marked(papers.get(r.getKey()), r.getValue()));
    return new Slice<>(items, total);
  }

  /**
   * Records that these papers were shown to the user in "For you" or a digest, keeping the first
   * time: recommendations and digests then leave them out ({@link #shownBefore}), so each suggests
   * a paper once. Lists the user browses (Today, search) do not mark papers seen.
   */
  public void markSeen(long user, Collection<String> paperIds) {
    for (String id : new LinkedHashSet<>(paperIds)) write(user, id, Mark.SEEN, true);
  }

  /**
   * The papers a recommendation or digest should not suggest to the user again: those they saved,
   * dismissed or were already shown.
   */
  public Set<String> shownBefore(long user) {
    return new LinkedHashSet<>(
        sql.query(
            "read what was shown",
            "SELECT paper_id FROM paper_marks WHERE user_id = ? AND (saved_at IS NOT NULL "
                + "OR dismissed_at IS NOT NULL OR seen_at IS NOT NULL)",
            rs -> rs.getString(1),
            user));
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
