package dev.lectern.user;

import dev.lectern.paper.Paper;
import dev.lectern.paper.Text;
import dev.lectern.store.PaperLibrary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Papers imported into a collection before the library had them. Each waits, with the reason, until
 * a paper with its arXiv id (or title) reaches the library; {@link #settle} then moves it into its
 * collection. Reads and changes name the user, as collections do.
 */
public final class PendingImports {
  /** A paper waiting for the library: its arXiv id (null when only a title is known) or title. */
  public record Pending(
      long id, long collection, String arxivId, String title, String reason, Instant added) {
    public String label() {
      return arxivId == null ? title : title == null ? arxivId : arxivId + " (" + title + ")";
    }
  }

  private static final String COLUMNS =
      "id, collection_id, arxiv_id, title, reason, added_at FROM pending_imports";

  private final PaperLibrary library;
  private final PaperCollections collections;
  private final Sql sql;
  private final Clock clock;

  public PendingImports(PaperLibrary library, PaperCollections collections, Clock clock) {
    this.library = library;
    this.collections = collections;
    this.sql = new Sql(library.database());
    this.clock = clock;
  }

  /**
   * Records a wanted paper as pending; one already pending in that collection stays as it is.
   *
   * @return the pending row's id
   */
  long record(long user, long collection, String arxivId, String title, String reason) {
    String key = arxivId != null ? arxivId : "title:" + Text.titleKey(title);
    sql.change(
        "record a pending paper",
        "INSERT INTO pending_imports"
            + " (user_id, collection_id, arxiv_id, title, wanted_key, reason, added_at)"
            + " VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        user,
        collection,
        arxivId,
        title,
        key,
        reason,
        clock.instant().toString());
    return sql.number(
        "read a pending paper",
        "SELECT id FROM pending_imports WHERE collection_id = ? AND wanted_key = ?",
        collection,
        key);
  }

  /**
   * Forgets a pending paper of the user's collection (one that will never come, or was wanted by
   * mistake).
   *
   * @return false when the user's collection has no such pending paper
   */
  public boolean remove(long user, long collection, long pendingId) {
    return sql.change(
            "remove a pending paper",
            "DELETE FROM pending_imports WHERE id = ? AND user_id = ? AND collection_id = ?",
            pendingId,
            user,
            collection)
        > 0;
  }

  /** The collection's pending papers, oldest first; none for another user's collection. */
  public List<Pending> of(long user, long collection) {
    return sql.query(
        "list pending papers",
        "SELECT " + COLUMNS + " WHERE user_id = ? AND collection_id = ? ORDER BY added_at, id",
        PendingImports::row,
        user,
        collection);
  }

  /** Distinct arXiv ids pending for anyone, oldest first: what a fetch should ask arXiv for. */
  public List<String> arxivIds(int limit) {
    return sql.query(
        "list pending arXiv ids",
        "SELECT arxiv_id FROM pending_imports WHERE arxiv_id IS NOT NULL"
            + " GROUP BY arxiv_id ORDER BY MIN(added_at) LIMIT ?",
        rs -> rs.getString(1),
        limit);
  }

  /** Notes why a fetch of the arXiv id failed, on every row waiting for it. */
  public void failed(String arxivId, String reason) {
    sql.change(
        "note a failed fetch",
        "UPDATE pending_imports SET reason = ?, tried_at = ? WHERE arxiv_id = ?",
        reason,
        clock.instant().toString(),
        arxivId);
  }

  /**
   * Moves every pending paper the library now has into its collection (for all users, or one when
   * {@code user} is not null).
   *
   * @return how many moved
   */
  public int settle(Long user) {
    List<Pending> all =
        user == null
            ? sql.query("list pending papers", "SELECT " + COLUMNS, PendingImports::row)
            : sql.query(
                "list pending papers",
                "SELECT " + COLUMNS + " WHERE user_id = ?",
                PendingImports::row,
                user);
    int moved = 0;
    for (Pending p : all) {
      Optional<Paper> paper = find(p.arxivId(), p.title());
      if (paper.isEmpty()) continue;
      long owner = owner(p.id());
      collections.add(owner, p.collection(), paper.get().id());
      sql.change("settle a pending paper", "DELETE FROM pending_imports WHERE id = ?", p.id());
      moved++;
    }
    return moved;
  }

  /**
   * The library's paper with this arXiv id, else this title: the same words, whatever their case,
   * punctuation, spacing and LaTeX ({@code Gr\"obner} is Gröbner; see {@link Text#titleKey}).
   */
  Optional<Paper> find(String arxivId, String title) {
    if (arxivId != null) {
      Optional<Paper> byId = library.get(arxivId);
      if (byId.isPresent()) return byId;
    }
    String key = Text.titleKey(title);
    if (key.isEmpty()) return Optional.empty();
    return Optional.ofNullable(library.idsByTitleKey(List.of(key)).get(key)).flatMap(library::get);
  }

  private long owner(long pendingId) {
    return sql.number(
        "read a pending paper", "SELECT user_id FROM pending_imports WHERE id = ?", pendingId);
  }

  private static Pending row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Pending(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Instant.parse(rs.getString(6)));
  }
}
