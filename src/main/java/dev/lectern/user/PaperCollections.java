package dev.lectern.user;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.PaperMarks.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's named collections of papers, each paper with an optional note. Every method takes the
 * user: a collection of another user is, to it, a collection that does not exist. Adding a paper to
 * a collection saves it too, so the library (saved papers) holds everything the user kept; taking
 * it out of a collection leaves it saved.
 */
public final class PaperCollections {
  public static final int MAX_NAME = 100;
  public static final int MAX_NOTE = 2000;

  /** A collection and how many papers it holds. */
  public record Collection(long id, String name, int papers, Instant created) {}

  /** A paper of a collection, its note (null for none) and when it was added. */
  public record Entry(Paper paper, String note, Instant added) {}

  private final PaperLibrary library;
  private final PaperMarks marks;
  private final Sql sql;
  private final Clock clock;

  public PaperCollections(PaperLibrary library, PaperMarks marks, Clock clock) {
    this.library = library;
    this.marks = marks;
    this.sql = new Sql(library.database());
    this.clock = clock;
  }

  private static final String SELECT =
      "SELECT c.id, c.name, (SELECT COUNT(*) FROM collection_papers p WHERE p.collection_id = c.id),"
          + " c.created_at FROM collections c WHERE c.user_id = ?";

  /** The user's collections by name. */
  public List<Collection> list(long user) {
    return sql.query(
        "list collections", SELECT + " ORDER BY c.name COLLATE NOCASE, c.id", this::row, user);
  }

  public Optional<Collection> get(long user, long id) {
    return sql
        .query("read collection " + id, SELECT + " AND c.id = ?", this::row, user, id)
        .stream()
        .findFirst();
  }

  /** The user's collections that hold the paper (its current id). */
  public List<Collection> holding(long user, String paperId) {
    return sql.query(
        "list collections",
        SELECT
            + " AND c.id IN (SELECT collection_id FROM collection_papers WHERE paper_id = ?)"
            + " ORDER BY c.name COLLATE NOCASE, c.id",
        this::row,
        user,
        paperId);
  }

  /**
   * @throws UserDataException for a blank or long name, or one the user already has
   */
  public Collection create(long user, String name) {
    String n = name(user, name, -1);
    sql.change(
        "create collection",
        "INSERT INTO collections (user_id, name, created_at) VALUES (?,?,?)",
        user,
        n,
        clock.instant().toString());
    return list(user).stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  /**
   * @return false when the user has no such collection
   * @throws UserDataException as {@link #create}
   */
  public boolean rename(long user, long id, String name) {
    String n = name(user, name, id);
    return sql.change(
            "rename collection " + id,
            "UPDATE collections SET name = ? WHERE id = ? AND user_id = ?",
            n,
            id,
            user)
        == 1;
  }

  /** Deletes the collection, not its papers (they stay saved). False when there is none. */
  public boolean delete(long user, long id) {
    if (get(user, id).isEmpty()) return false;
    sql.change(
        "empty collection " + id, "DELETE FROM collection_papers WHERE collection_id = ?", id);
    sql.change("delete collection " + id, "DELETE FROM collections WHERE id = ?", id);
    return true;
  }

  /** What an addition found: the paper added (or already there), or what was missing. */
  public enum Added {
    ADDED,
    NO_COLLECTION,
    NO_PAPER
  }

  /** Adds a paper (any of its ids) and saves it; adding it again changes nothing. */
  public Added add(long user, long id, String paperId) {
    if (get(user, id).isEmpty()) return Added.NO_COLLECTION;
    Optional<Paper> paper = marks.set(user, paperId, Mark.SAVED, true);
    if (paper.isEmpty()) return Added.NO_PAPER;
    sql.change(
        "add to collection " + id,
        "INSERT INTO collection_papers (collection_id, paper_id, added_at) VALUES (?,?,?) "
            + "ON CONFLICT (collection_id, paper_id) DO NOTHING",
        id,
        paper.get().id(),
        clock.instant().toString());
    return Added.ADDED;
  }

  /** False when the user's collection does not hold the paper. */
  public boolean remove(long user, long id, String paperId) {
    return get(user, id).isPresent()
        && sql.change(
                "remove from collection " + id,
                "DELETE FROM collection_papers WHERE collection_id = ? AND paper_id = ?",
                id,
                current(paperId))
            == 1;
  }

  /**
   * Sets the paper's note in the collection; blank clears it.
   *
   * @return false when the user's collection does not hold the paper
   * @throws UserDataException for a note over {@link #MAX_NOTE} characters
   */
  public boolean note(long user, long id, String paperId, String note) {
    String n = note == null ? "" : note.strip();
    if (n.length() > MAX_NOTE)
      throw new UserDataException(
          "a note has at most " + MAX_NOTE + " characters; this one has " + n.length());
    return get(user, id).isPresent()
        && sql.change(
                "write a note in collection " + id,
                "UPDATE collection_papers SET note = ? WHERE collection_id = ? AND paper_id = ?",
                n.isEmpty() ? null : n,
                id,
                current(paperId))
            == 1;
  }

  /**
   * A page of the collection's papers, the most recently added first; empty when the user has no
   * such collection.
   */
  public Slice<Entry> papers(long user, long id, int offset, int limit) {
    Optional<Collection> c = get(user, id);
    if (c.isEmpty()) return new Slice<>(List.of(), 0);
    record Row(String id, String note, Instant added) {}
    List<Row> rows =
        sql.query(
            "list collection " + id,
            "SELECT paper_id, note, added_at FROM collection_papers WHERE collection_id = ? "
                + "ORDER BY added_at DESC, paper_id DESC LIMIT ? OFFSET ?",
            rs -> new Row(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))),
            id,
            limit,
            offset);
    Map<String, Paper> papers = new HashMap<>();
    for (Paper p : library.getAll(rows.stream().map(Row::id).toList())) papers.put(p.id(), p);
    List<Entry> out = new ArrayList<>();
    for (Row r : rows)
      if (papers.containsKey(r.id())) out.add(new Entry(papers.get(r.id()), r.note(), r.added()));
    return new Slice<>(out, c.get().papers());
  }

  private String current(String paperId) {
    return library.get(paperId).map(Paper::id).orElse(paperId);
  }

  /** The name stripped and checked: not blank, not long, not another of the user's. */
  private String name(long user, String name, long self) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) throw new UserDataException("a collection needs a name");
    if (n.length() > MAX_NAME)
      throw new UserDataException("a collection's name has at most " + MAX_NAME + " characters");
    if (list(user).stream().anyMatch(c -> c.name().equalsIgnoreCase(n) && c.id() != self))
      throw new UserDataException("you already have a collection named '" + n + "'");
    return n;
  }

  private Collection row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Collection(
        rs.getLong(1), rs.getString(2), rs.getInt(3), Instant.parse(rs.getString(4)));
  }
}
