package dev.lectern.user;

import dev.lectern.store.Database;
import dev.lectern.store.Jdbc;
import dev.lectern.store.Jdbc.Row;
import dev.lectern.store.Jdbc.Work;
import dev.lectern.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The few ways the people tables (accounts, marks, collections) are read and written, each on a
 * connection of its own.
 */
final class Sql {
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
    return inConnection(c -> Jdbc.transaction(c, work));
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    return Jdbc.list(c, sql, row, args);
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    return Jdbc.update(c, sql, args);
  }

  /** Inserts a row and returns its generated id. */
  static long insert(Connection c, String sql, Object... args) throws SQLException {
    return Jdbc.insert(c, sql, args);
  }

  private <T> T inConnection(Work<T> work) {
    try (Connection c = db.connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("the accounts in the library cannot be read or written: " + e, e);
    }
  }

  /** Runs a change and says how many rows it touched; {@code what} names it in an error. */
  int change(String what, String sql, Object... args) {
    return named(what, c -> Jdbc.update(c, sql, args));
  }

  <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
    return named(what, c -> Jdbc.list(c, sql, row, args));
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

  private <T> T named(String what, Work<T> work) {
    try (Connection c = db.connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
