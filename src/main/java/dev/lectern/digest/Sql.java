package dev.lectern.digest;

import dev.lectern.store.Database;
import dev.lectern.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JDBC shapes this package needs: a query to rows, an update to a count, and both in one
 * transaction.
 */
final class Sql {
  /** Reads one row of a result. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Work on one connection, within a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database db;

  Sql(Database db) {
    this.db = db;
  }

  <T> List<T> query(String what, String sql, Row<T> row, Object... params) {
    try (Connection c = db.connect();
        PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.read(rs));
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE (committed at once) and returns the rows it changed. */
  int update(String what, String sql, Object... params) {
    try (Connection c = db.connect();
        PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: all of it is stored, or none. */
  <T> T transaction(String what, Work<T> work) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store " + what + ": " + e.getMessage(), e);
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.read(rs));
      return out;
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    return ps;
  }
}
