package dev.lectern.user;

import dev.lectern.store.Database;
import dev.lectern.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the people tables need: a change, and a query read row by row. */
final class Sql {
  /** Reads one row into a value. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final Database db;

  Sql(Database db) {
    this.db = db;
  }

  /** Runs a change and says how many rows it touched; {@code what} names it in an error. */
  int update(String what, String sql, Object... args) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
    List<T> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(row.read(rs));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** A count or other single number, 0 when the query has no row. */
  long number(String what, String sql, Object... args) {
    List<Long> n = query(what, sql, rs -> rs.getLong(1), args);
    return n.isEmpty() ? 0 : n.getFirst();
  }

  /** "?,?,?" for an IN list of {@code n} values (at least one). */
  static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(Math.max(1, n), "?"));
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
  }
}
