package dev.lectern.store;

import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.PaperMerge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes papers into the library in transactions: each incoming paper is merged with what the
 * library already holds under the same id (or, failing that, the same normalized title), so a paper
 * met twice is one paper. Nothing is visible to readers until {@link #commit}; a crash loses at
 * most the open batch, and the library stays consistent. One writer per thread; close it to roll
 * back what is uncommitted.
 */
public final class PaperWriter implements AutoCloseable {
  /** What writing one incoming paper did to the library. */
  public enum Outcome {
    NEW,
    UPDATED,
    UNCHANGED
  }

  private static final String SELECT = "SELECT " + PaperRows.COLUMNS + " FROM papers";
  private final Connection conn;
  private final ChangeSequence seq;
  private final long runId;
  private final PreparedStatement byId;
  private final PreparedStatement byTitleKey;
  private final PreparedStatement titleOnlyByTitleKey;
  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement insertSource;
  private final PreparedStatement insertReject;

  /** The batch's time (first_seen, last_changed): when it took the write lock. */
  private String now = Instant.now().toString();

  /**
   * Whether any paper is known by title only; while none is, arXiv records skip looking for one.
   */
  private boolean titleOnlyPapers;

  private final PreparedStatement takeWriteLock;
  private final PreparedStatement lastChangeSeq;

  /** Whether the open transaction holds the write lock (see {@link #lockForWriting}). */
  private boolean locked;

  PaperWriter(Connection conn, ChangeSequence seq, long runId) throws SQLException {
    this.conn = conn;
    this.seq = seq;
    this.runId = runId;
    titleOnlyPapers = anyTitleOnlyPaper(conn); // before the transaction begins: see lockForWriting
    conn.setAutoCommit(false);
    // changes nothing, but is a write: the lock is taken before the batch's first read
    takeWriteLock = conn.prepareStatement("UPDATE sync_state SET name = name WHERE 1 = 0");
    lastChangeSeq =
        conn.prepareStatement(
            "SELECT MAX(s) FROM (SELECT MAX(change_seq) AS s FROM papers "
                + "UNION ALL SELECT MAX(change_seq) FROM paper_redirects) AS seqs");
    byId = conn.prepareStatement(SELECT + " WHERE id = ?");
    byTitleKey = conn.prepareStatement(SELECT + " WHERE title_key = ? LIMIT 1");
    titleOnlyByTitleKey =
        conn.prepareStatement(
            SELECT + " WHERE title_key = ? AND id >= ? AND id < ? LIMIT 1"); // t-... ids only
    titleOnlyByTitleKey.setString(2, PaperIds.TITLE_PREFIX);
    titleOnlyByTitleKey.setString(3, "t.");
    insert =
        conn.prepareStatement(
            "INSERT INTO papers (id, title, title_key, abstract, authors, categories, "
                + "submitted, updated, versions, doi, journal_ref, comments, license, upvotes, sources, change_seq, "
                + "first_seen, last_changed, text_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    update =
        conn.prepareStatement(
            "UPDATE papers SET id = ?, title = ?, title_key = ?, abstract = ?, "
                + "authors = ?, categories = ?, submitted = ?, updated = ?, versions = ?, doi = ?, journal_ref = ?, "
                + "comments = ?, license = ?, upvotes = ?, sources = ?, change_seq = ?, last_changed = ?, text_hash = ? "
                + "WHERE id = ?");
    insertSource =
        conn.prepareStatement(
            "INSERT INTO paper_sources (paper_id, source, first_run) VALUES (?,?,?) ON CONFLICT DO NOTHING");
    insertReject =
        conn.prepareStatement(
            "INSERT INTO import_rejects (run_id, location, reason) VALUES (?,?,?)");
  }

  private static boolean anyTitleOnlyPaper(Connection conn) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT id FROM papers WHERE id >= ? AND id < ? LIMIT 1")) {
      ps.setString(1, PaperIds.TITLE_PREFIX);
      ps.setString(2, "t.");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Takes the library's write lock at the start of a batch, before its first read. An SQLite
   * transaction that reads first and writes later fails at once (SQLITE_BUSY_SNAPSHOT, without
   * waiting) when another connection wrote in between, such as a running {@code lectern serve}
   * storing embeddings while an import runs in another terminal. Holding the lock from the start
   * makes the other writer wait its turn ({@code busy_timeout}) instead; readers are never blocked
   * (WAL). SQLite's own way is BEGIN IMMEDIATE, but JDBC has begun the transaction already, and a
   * write that changes nothing is portable.
   *
   * <p>With the lock held, the change numbers are brought up to what other processes committed, so
   * two imports at once never reuse a number (the index would skip the papers of the later commit).
   * The batch's time is read then too, so times follow the order batches commit in, whichever
   * process writes them: a digest lists the papers that arrived after the newest one it read before
   * (DigestComposer), and a batch stamped before another's commit but committed after that digest
   * was read would be in no digest.
   */
  private void lockForWriting() throws SQLException {
    if (locked) return;
    takeWriteLock.executeUpdate();
    now = Instant.now().toString();
    try (ResultSet rs = lastChangeSeq.executeQuery()) {
      if (rs.next()) seq.advanceTo(rs.getLong(1));
    }
    locked = true;
  }

  public Outcome write(Paper incoming) {
    try {
      lockForWriting();
      Paper existing = findSame(incoming);
      if (existing == null) {
        insert(incoming);
        return Outcome.NEW;
      }
      Paper merged = PaperMerge.merge(existing, incoming);
      if (merged.equals(existing)) return Outcome.UNCHANGED;
      if (!merged.id().equals(existing.id())) moveId(existing.id(), merged.id());
      updateRow(existing.id(), merged);
      for (String source : merged.sources()) {
        if (!existing.sources().contains(source)) addSource(merged.id(), source);
      }
      return Outcome.UPDATED;
    } catch (SQLException e) {
      throw new StoreException("cannot write paper " + incoming.id() + ": " + e.getMessage(), e);
    }
  }

  /** Records a rejected input record with where it was and why; committed with the batch. */
  public void reject(String location, String reason) {
    try {
      lockForWriting();
      insertReject.setLong(1, runId);
      insertReject.setString(2, location);
      insertReject.setString(3, reason.length() > 500 ? reason.substring(0, 500) + "..." : reason);
      insertReject.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record a rejected record: " + e.getMessage(), e);
    }
  }

  /**
   * Makes everything written so far durable together with the given named state (checkpoints) and
   * the run's counts, in one transaction: after a crash the library holds exactly the committed
   * batches.
   */
  public void commit(Map<String, String> state, ImportCounts counts) {
    try {
      lockForWriting();
      for (var e : state.entrySet()) SyncState.put(conn, e.getKey(), e.getValue(), now);
      if (counts != null && runId > 0) ImportRuns.updateCounts(conn, runId, counts);
      conn.commit();
      locked = false;
    } catch (SQLException e) {
      throw new StoreException("cannot commit a batch to the library: " + e.getMessage(), e);
    }
  }

  /**
   * The library's version of the same paper: by id, else by normalized title (see class comment).
   */
  private Paper findSame(Paper incoming) throws SQLException {
    Paper found = queryOne(byId, incoming.id());
    if (found != null) return found;
    if (incoming.hasArxivId()) {
      if (!titleOnlyPapers) return null;
      // A paper first known only by its title moves to its arXiv id when that arrives. Found by its
      // title key, not by the id its title gives now: a library older than V13 (V14) derived the
      // ids of LaTeX titles (of ø, ß...) from keys that did not decode (fold) them, and V13 (V14)
      // re-keyed those papers, not their ids.
      return queryOne(titleOnlyByTitleKey, incoming.titleKey());
    }
    // A title-only sighting not known by its title id joins a paper with an arXiv id and the same
    // title.
    // (Titles repeat across papers, so never scan them all: the first one will do.)
    return queryOne(byTitleKey, incoming.titleKey());
  }

  private static Paper queryOne(PreparedStatement ps, String key) throws SQLException {
    ps.setString(1, key);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? PaperRows.read(rs) : null;
    }
  }

  private void insert(Paper p) throws SQLException {
    int i = PaperRows.bind(insert, 1, p);
    insert.setLong(i++, seq.next());
    insert.setString(i++, now);
    insert.setString(i++, now);
    insert.setString(i, p.textHash());
    insert.executeUpdate();
    if (!p.hasArxivId()) titleOnlyPapers = true;
    for (String source : p.sources()) addSource(p.id(), source);
  }

  private void updateRow(String oldId, Paper merged) throws SQLException {
    int i = PaperRows.bind(update, 1, merged);
    update.setLong(i++, seq.next());
    update.setString(i++, now);
    update.setString(i++, merged.textHash());
    update.setString(i, oldId);
    update.executeUpdate();
  }

  private void addSource(String paperId, String source) throws SQLException {
    insertSource.setString(1, paperId);
    insertSource.setString(2, source);
    insertSource.setLong(3, runId);
    insertSource.executeUpdate();
  }

  /** Re-keys a title-identified paper to its arXiv id, keeping a redirect for the old id. */
  private void moveId(String oldId, String newId) throws SQLException {
    for (String table : new String[] {"paper_sources", "embeddings"}) {
      try (PreparedStatement ps =
          conn.prepareStatement("UPDATE " + table + " SET paper_id = ? WHERE paper_id = ?")) {
        ps.setString(1, newId);
        ps.setString(2, oldId);
        ps.executeUpdate();
      }
    }
    // people's marks and collections follow the paper; a row the new id already has wins
    moveOwned("paper_marks", "user_id", oldId, newId);
    moveOwned("collection_papers", "collection_id", oldId, newId);
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO paper_redirects (old_id, new_id, change_seq) VALUES (?,?,?)")) {
      ps.setString(1, oldId);
      ps.setString(2, newId);
      ps.setLong(3, seq.next());
      ps.executeUpdate();
    }
  }

  /** Re-keys a table whose rows are one per owner and paper, dropping what would clash. */
  private void moveOwned(String table, String owner, String oldId, String newId)
      throws SQLException {
    try (PreparedStatement move =
            conn.prepareStatement(
                "UPDATE "
                    + table
                    + " SET paper_id = ? WHERE paper_id = ? AND NOT EXISTS (SELECT 1 FROM "
                    + table
                    + " x WHERE x.paper_id = ? AND x."
                    + owner
                    + " = "
                    + table
                    + "."
                    + owner
                    + ")");
        PreparedStatement drop =
            conn.prepareStatement("DELETE FROM " + table + " WHERE paper_id = ?")) {
      move.setString(1, newId);
      move.setString(2, oldId);
      move.setString(3, newId);
      move.executeUpdate();
      drop.setString(1, oldId);
      drop.executeUpdate();
    }
  }

  @Override
  public void close() {
    try (conn) {
      locked = false;
      conn.rollback();
    } catch (SQLException e) {
      throw new StoreException("cannot close the library writer: " + e.getMessage(), e);
    }
  }
}
