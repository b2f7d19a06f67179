package dev.lectern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC shapes the feature packages share: a query to rows, a change, an insert, a transaction.
 */
public final class Jdbc {
  /** Reads one row of a result. */
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Work on one connection. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Jdbc() {}

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.read(rs));
      return out;
    }
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the rows it changed. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  /** Inserts a row and returns its generated id. */
  public static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) throw new SQLException("no id came back from " + sql);
        return keys.getLong(1);
      }
    }
  }

  /** Runs {@code work} in one transaction on {@code c}: all of it is stored, or none. */
  public static <T> T transaction(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    return ps;
  }
}
