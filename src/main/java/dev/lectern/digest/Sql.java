package dev.lectern.digest;

import dev.lectern.store.Database;
import dev.lectern.store.Jdbc;
import dev.lectern.store.Jdbc.Row;
import dev.lectern.store.Jdbc.Work;
import dev.lectern.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The few JDBC shapes this package needs ({@link Jdbc}'s), each on a connection of its own, with
 * errors that say what was being read or stored.
 */
final class Sql {
  private final Database db;

  Sql(Database db) {
    this.db = db;
  }

  <T> List<T> query(String what, String sql, Row<T> row, Object... params) {
    return on("cannot read " + what, c -> Jdbc.list(c, sql, row, params));
  }

  /** Runs an INSERT, UPDATE or DELETE (committed at once) and returns the rows it changed. */
  int update(String what, String sql, Object... params) {
    return on("cannot store " + what, c -> Jdbc.update(c, sql, params));
  }

  /** Runs {@code work} in one transaction: all of it is stored, or none. */
  <T> T transaction(String what, Work<T> work) {
    return on("cannot store " + what, c -> Jdbc.transaction(c, work));
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    return Jdbc.list(c, sql, row, params);
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    return Jdbc.update(c, sql, params);
  }

  private <T> T on(String failure, Work<T> work) {
    try (Connection c = db.connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(failure + ": " + e.getMessage(), e);
    }
  }
}
