package dev.lectern.store;

import dev.lectern.paper.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 13: every paper's {@code title_key} recomputed by {@link Text#titleKey}, which
 * decodes the title's LaTeX since this version ({@code Gr\"obner} and Gröbner are one key). SQL
 * cannot decode LaTeX, hence Java (Flyway reads the version and description from the class name).
 * Flyway runs it in one transaction, as it does every migration, so a library is re-keyed entirely
 * or not at all.
 *
 * <p>Rows are read in one pass and only those whose key changes are written, in batches: a library
 * of millions of papers is never held in memory, and most arXiv titles have no LaTeX to decode.
 * SQLite lets a connection update rows its open query has already returned; the scan is of the
 * table, not of the title-key index, so no row comes back twice. {@code change_seq} is left alone:
 * no derived store (the search index, embeddings) reads the key.
 *
 * <p>Papers keep their ids, title ids included: a paper known only by its title keeps the id its
 * raw title gave it (see {@code PaperWriter#findSame}, which finds such papers by key).
 */
final class V13__DecodedTitleKeys extends BaseJavaMigration {
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection conn = context.getConnection();
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
}
