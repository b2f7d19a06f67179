package dev.lectern.store;

import dev.lectern.paper.Paper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The library by day: the papers of a day or a range of days, and the nearest days that have
 * papers. A paper's day is its submission date, or the day it entered the library when it has none
 * (a saved Daily Papers page gives no date); the index {@code papers_day} (migration V3) covers
 * exactly that expression.
 */
public final class PaperDays {
  /** Spelled as in the index, character for character, or SQLite does not use it. */
  static final String DAY = "COALESCE(submitted, substr(first_seen, 1, 10))";

  private final Database db;

  PaperDays(Database db) {
    this.db = db;
  }

  /** A paper and the day it counts on. */
  public record Dated(Paper paper, LocalDate day) {}

  /**
   * The papers whose day is in {@code [from, to]}, newest day first, then by id; at most {@code
   * limit}.
   */
  public List<Dated> between(LocalDate from, LocalDate to, int limit) {
    List<Dated> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + PaperRows.COLUMNS
                    + ", "
                    + DAY
                    + " FROM papers WHERE "
                    + DAY
                    + " BETWEEN ? AND ? ORDER BY "
                    + DAY
                    + " DESC, id LIMIT ?")) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Dated(PaperRows.read(rs), LocalDate.parse(rs.getString(15))));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the papers of " + from + " to " + to + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The papers with these ids, each with its day, in the order asked; unknown ids are skipped (a
   * search's hit deleted since, say).
   */
  public List<Dated> byIds(List<String> ids) {
    List<Dated> out = new ArrayList<>(ids.size());
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + PaperRows.COLUMNS + ", " + DAY + " FROM papers WHERE id = ?")) {
      for (String id : ids) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) out.add(new Dated(PaperRows.read(rs), LocalDate.parse(rs.getString(15))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read papers: " + e.getMessage(), e);
    }
    return out;
  }

  /** The newest day that has papers, empty for an empty library. */
  public Optional<LocalDate> latest() {
    return day("SELECT MAX(" + DAY + ") FROM papers", null);
  }

  /** The nearest day before {@code day} that has papers. */
  public Optional<LocalDate> before(LocalDate day) {
    return day("SELECT MAX(" + DAY + ") FROM papers WHERE " + DAY + " < ?", day);
  }

  /** The nearest day after {@code day} that has papers. */
  public Optional<LocalDate> after(LocalDate day) {
    return day("SELECT MIN(" + DAY + ") FROM papers WHERE " + DAY + " > ?", day);
  }

  private Optional<LocalDate> day(String sql, LocalDate param) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) ps.setString(1, param.toString());
      try (ResultSet rs = ps.executeQuery()) {
        String d = rs.next() ? rs.getString(1) : null;
        return d == null ? Optional.empty() : Optional.of(LocalDate.parse(d));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot find the days that have papers: " + e.getMessage(), e);
    }
  }
}
