package dev.lectern.store;

import dev.lectern.paper.Paper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

  private static final String SPAN = " FROM papers WHERE " + DAY + " BETWEEN ? AND ?";

  /** Without upvotes: ordered by their day alone when ranked by trending. */
  static final String NO_UPVOTES = " AND (upvotes IS NULL OR upvotes <= 0)";

  /** The index's own order (day, then id): SQLite walks it and stops at the limit. */
  static final String NEWEST =
      "SELECT id, "
          + DAY
          + ", upvotes"
          + SPAN
          + "%s ORDER BY "
          + DAY
          + " DESC, id DESC LIMIT ? OFFSET ?";

  static final String UPVOTED =
      "SELECT id, " + DAY + ", upvotes" + SPAN + " AND upvotes > 0 LIMIT ?";

  /** Papers with local upvotes (people's marks, migration V8), counted over all users. */
  static final String VOTED =
      "SELECT id, "
          + DAY
          + ", upvotes, COUNT(*) FROM papers JOIN paper_marks ON paper_marks.paper_id = papers.id"
          + " WHERE paper_marks.voted_at IS NOT NULL AND "
          + DAY
          + " BETWEEN ? AND ? GROUP BY id LIMIT ?";

  private final Database db;

  PaperDays(Database db) {
    this.db = db;
  }

  /** A whole paper and the day it counts on. */
  public record Dated(Paper paper, LocalDate day) {}

  /** A paper as far as ranking a listing needs it: its id, its day and its upvotes. */
  public record Stub(String id, LocalDate day, Integer upvotes) {}

  /** How many papers have their day in {@code [from, to]}. */
  public int count(LocalDate from, LocalDate to) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + SPAN)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot count the papers of " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /**
   * The papers of {@code [from, to]} newest first (latest day first, then the higher id), skipping
   * {@code offset}: read from the day index alone, without the papers' texts, and only as far as
   * the page.
   *
   * @param withoutUpvotes only those without upvotes (none, or not above 0)
   */
  public List<Stub> newest(
      LocalDate from, LocalDate to, boolean withoutUpvotes, int offset, int limit) {
    return stubs(String.format(NEWEST, withoutUpvotes ? NO_UPVOTES : ""), from, to, limit, offset);
  }

  /** The papers of {@code [from, to]} with upvotes above 0, at most {@code limit}, in no order. */
  public List<Stub> upvoted(LocalDate from, LocalDate to, int limit) {
    return stubs(UPVOTED, from, to, limit);
  }

  /** A paper with local upvotes, and how many. */
  public record Voted(Stub paper, int votes) {}

  /** The papers of {@code [from, to]} with local upvotes, at most {@code limit}, in no order. */
  public List<Voted> voted(LocalDate from, LocalDate to, int limit) {
    List<Voted> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(VOTED)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int upvotes = rs.getInt(3);
          Integer imported = rs.wasNull() ? null : upvotes;
          out.add(
              new Voted(
                  new Stub(rs.getString(1), LocalDate.parse(rs.getString(2)), imported),
                  rs.getInt(4)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the votes of " + from + " to " + to + ": " + e.getMessage(), e);
    }
    return out;
  }

  private List<Stub> stubs(String sql, LocalDate from, LocalDate to, int... more) {
    List<Stub> out = new ArrayList<>();
    // a span has a few dozen distinct days: parse each once, not once per paper
    Map<String, LocalDate> parsed = new HashMap<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      for (int i = 0; i < more.length; i++) ps.setInt(3 + i, more[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int votes = rs.getInt(3);
          Integer upvotes = rs.wasNull() ? null : votes;
          out.add(
              new Stub(
                  rs.getString(1),
                  parsed.computeIfAbsent(rs.getString(2), LocalDate::parse),
                  upvotes));
        }
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

  /** A paper of a span and when it entered the library. */
  public record Arrival(String id, LocalDate day, Instant firstSeen) {}

  /**
   * Every paper with its day in {@code [from, to]}, with when it entered the library: what a digest
   * reads to list the papers that arrived since the one before (arXiv announces part of a day's
   * papers a day later).
   */
  public List<Arrival> arrivals(LocalDate from, LocalDate to) {
    List<Arrival> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT id, " + DAY + ", first_seen" + SPAN)) {
      ps.setString(1, from.toString());
      ps.setString(2, to.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(
              new Arrival(
                  rs.getString(1),
                  LocalDate.parse(rs.getString(2)),
                  Instant.parse(rs.getString(3))));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the papers' arrivals: " + e.getMessage(), e);
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
