package dev.lectern.store;

import dev.lectern.paper.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stored title keys recomputed by the current {@link Text#titleKey}: what a migration runs when the
 * rule of the key changes (V13, V14). Papers' {@code title_key} here; the pending imports' {@code
 * wanted_key} in {@link #pendingImports}.
 *
 * <p>Rows are read in one pass and only those whose key changes are written, in batches: a library
 * of millions of papers is never held in memory, and most titles keep their key. SQLite lets a
 * connection update rows its open query has already returned; the scan is of the table, not of the
 * title-key index, so no row comes back twice. {@code change_seq} is left alone: no derived store
 * (the search index, embeddings) reads the key.
 *
 * <p>Papers keep their ids, title ids included: a paper known only by its title keeps the id its
 * title gave it under the old rule (see {@code PaperWriter#findSame}, which finds such papers by
 * key).
 */
final class TitleRekeying {
  private static final int BATCH = 1000;

  private TitleRekeying() {}

  static void papers(Connection conn) throws SQLException {
    int pending = 0;
    try (Statement read = conn.createStatement();
        PreparedStatement write =
            conn.prepareStatement("UPDATE papers SET title_key = ? WHERE id = ?")) {
      read.setFetchSize(BATCH); // PostgreSQL streams only with a fetch size (and no autocommit)
      try (ResultSet rs = read.executeQuery("SELECT id, title, title_key FROM papers")) {
        while (rs.next()) {
          String key = Text.titleKey(rs.getString(2));
          if (key.equals(rs.getString(3))) continue;
          write.setString(1, key);
          write.setString(2, rs.getString(1));
          write.addBatch();
          if (++pending == BATCH) {
            write.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) write.executeBatch();
    }
  }

  /** A pending import known only by its title: its key as stored, and as the title gives it now. */
  private record Wanted(long id, long collection, String key, String newKey) {
    static Wanted read(ResultSet rs) throws SQLException {
      // as PendingImports#record keys a title
      return new Wanted(
          rs.getLong(1), rs.getLong(2), rs.getString(4), "title:" + Text.titleKey(rs.getString(3)));
    }
  }

  private record Slot(long collection, String key) {}

  /**
   * Every pending import known only by its title gets the key its title gives now; those waiting
   * for an arXiv id keep theirs (the id). Rows of one collection whose titles now share a key are
   * one wanted paper ({@code UNIQUE (collection_id, wanted_key)}): the earliest recorded ({@code
   * added_at}, then id) stays, the others are deleted. The rows are few (imports not yet found), so
   * they are read at once.
   */
  static void pendingImports(Connection conn) throws SQLException {
    Set<Slot> kept = new HashSet<>();
    List<Wanted> moved = new ArrayList<>();
    for (Wanted w :
        Jdbc.list(
            conn,
            "SELECT id, collection_id, title, wanted_key FROM pending_imports"
                + " WHERE arxiv_id IS NULL ORDER BY added_at, id",
            Wanted::read)) {
      if (!kept.add(new Slot(w.collection(), w.newKey()))) {
        Jdbc.update(conn, "DELETE FROM pending_imports WHERE id = ?", w.id());
      } else if (!w.newKey().equals(w.key())) {
        moved.add(w);
      }
    }
    // through keys no row has first, lest one row's new key be another's old one for a moment
    for (Wanted w : moved) setKey(conn, w.id(), "rekeying:" + w.id());
    for (Wanted w : moved) setKey(conn, w.id(), w.newKey());
  }

  private static void setKey(Connection conn, long id, String key) throws SQLException {
    Jdbc.update(conn, "UPDATE pending_imports SET wanted_key = ? WHERE id = ?", key, id);
  }
}
