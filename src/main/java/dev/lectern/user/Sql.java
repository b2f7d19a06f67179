package dev.lectern.user;

import dev.lectern.store.Database;
import dev.lectern.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The few ways the people tables (accounts, marks, collections) are read and written, each on a
 * connection of its own.
 */
final class Sql {
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database db;

  Sql(Database db) {
    this.db = db;
  }

  <T> List<T> list(String sql, Row<T> row, Object... args) {
    return inConnection(c -> list(c, sql, row, args));
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = list(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  int update(String sql, Object... args) {
    return inConnection(c -> update(c, sql, args));
  }

  /** Runs {@code work} in one transaction: all of it is stored, or none. */
  <T> T transaction(Work<T> work) {
    return inConnection(
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        });
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.read(rs));
      return out;
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  /** Inserts a row and returns its generated id. */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) throw new SQLException("no id came back from " + sql);
        return keys.getLong(1);
      }
    }
  }

  private <T> T inConnection(Work<T> work) {
    try (Connection c = db.connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("the accounts in the library cannot be read or written: " + e, e);
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

  /** Runs a change and says how many rows it touched; {@code what} names it in an error. */
  int change(String what, String sql, Object... args) {
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
    return String.join(",", Collections.nCopies(Math.max(1, n), "?"));
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
  }
}
