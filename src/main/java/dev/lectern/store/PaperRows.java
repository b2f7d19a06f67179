package dev.lectern.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.paper.Paper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Maps a {@link Paper} to and from a row of the {@code papers} table. */
final class PaperRows {
  static final String COLUMNS =
      "id, title, abstract, authors, categories, submitted, updated, versions, doi, "
          + "journal_ref, comments, license, upvotes, sources";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private PaperRows() {}

  /** Reads a paper from the current row, whose first columns are {@link #COLUMNS}. */
  static Paper read(ResultSet rs) throws SQLException {
    return new Paper(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        parseAuthors(rs.getString(4)),
        splitWords(rs.getString(5)),
        date(rs.getString(6)),
        date(rs.getString(7)),
        rs.getInt(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        (Integer) rs.getObject(13) == null ? null : rs.getInt(13),
        Set.copyOf(splitWords(rs.getString(14))));
  }

  /**
   * Binds the paper's columns in the order id, title, title_key, abstract, authors, categories,
   * submitted, updated, versions, doi, journal_ref, comments, license, upvotes, sources starting at
   * {@code first}. Returns the next free parameter index.
   */
  static int bind(PreparedStatement ps, int first, Paper p) throws SQLException {
    int i = first;
    ps.setString(i++, p.id());
    ps.setString(i++, p.title());
    ps.setString(i++, p.titleKey());
    ps.setString(i++, p.abstractText());
    ps.setString(i++, authorsJson(p.authors()));
    ps.setString(i++, String.join(" ", p.categories()));
    ps.setString(i++, p.submitted() == null ? null : p.submitted().toString());
    ps.setString(i++, p.updated() == null ? null : p.updated().toString());
    ps.setInt(i++, p.versions());
    ps.setString(i++, p.doi());
    ps.setString(i++, p.journalRef());
    ps.setString(i++, p.comments());
    ps.setString(i++, p.license());
    if (p.upvotes() == null) ps.setNull(i++, Types.INTEGER);
    else ps.setInt(i++, p.upvotes());
    ps.setString(i++, String.join(" ", p.sources()));
    return i;
  }

  static String authorsJson(List<String> authors) {
    try {
      return JSON.writeValueAsString(authors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  private static List<String> parseAuthors(String json) {
    try {
      return json == null || json.isEmpty() ? List.of() : JSON.readValue(json, STRING_LIST);
    } catch (JsonProcessingException e) {
      throw new StoreException("corrupt authors column: " + json, e);
    }
  }

  private static List<String> splitWords(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split(" +"));
  }

  private static LocalDate date(String s) {
    return s == null ? null : LocalDate.parse(s);
  }
}
