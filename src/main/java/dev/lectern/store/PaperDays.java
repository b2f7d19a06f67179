package dev.lectern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library by day: the papers of a day or a range of days, and the nearest days that have
 * papers. A paper's day is its submission date, or the day it entered the library when it has none
 * (a saved Daily Papers page gives no date); the index {@code papers_day} (migrations V4 and V5)
 * covers exactly that expression.
 */
public final class PaperDays {
  /** Spelled as in the index, character for character, or SQLite does not use it. */
  static final String DAY = "COALESCE(submitted, substr(first_seen, 1, 10))";

  /** Newest day first as the index has them, with no sort of its own: ids are ranked later. */
  static final String STUBS =
      "SELECT id, "
          + DAY
          + ", upvotes FROM papers WHERE "
          + DAY
          + " BETWEEN ? AND ? ORDER BY "
          + DAY
          + " DESC LIMIT ?";

  private final Database db;

  PaperDays(Database db) {
    this.db = db;
  }

  /** A paper as far as ranking a listing needs it: its id, its day and its upvotes. */
  public record Stub(String id, LocalDate day, Integer upvotes) {}

  /**
   * The papers whose day is in {@code [from, to]}, newest day first, at most {@code limit}: only
   * what ranking them needs, so that a month of a big library (tens of thousands of papers) is read
   * without their texts. {@link PaperLibrary#getAll} loads the few that are shown.
   */
  public List<Stub> stubs(LocalDate from, LocalDate to, int limit) {
    List<Stub> out = new ArrayList<>();
    // a span has a few dozen distinct days: parse each once, not once per paper
    Map<String, LocalDate> parsed = new HashMap<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(STUBS)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int upvotes = rs.getInt(3);
          out.add(
              new Stub(
                  rs.getString(1),
                  parsed.computeIfAbsent(rs.getString(2), LocalDate::parse),
                  rs.wasNull() ? null : upvotes));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the papers of " + from + " to " + to + ": " + e.getMessage(), e);
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
