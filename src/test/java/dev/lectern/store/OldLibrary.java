package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A library file at an earlier schema version, for the tests of a migration: rows are written and
 * read by plain JDBC, as the version's code would have left them.
 */
record OldLibrary(String url) {
  /** The library in {@code dir} at {@code version}, recording which papers are updated. */
  static OldLibrary at(Path dir, String version) throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("library.db").toAbsolutePath();
    Database.schema(url, "sqlite").target(version).load().migrate();
    OldLibrary old = new OldLibrary(url);
    old.recordTouchedPapers();
    return old;
  }

  /** Opens it as the application does, which migrates it to the latest version. */
  void open() {
    Database.open(url).close();
  }

  /**
   * Every UPDATE of a paper leaves its id in table {@code touched}: which rows a migration wrote.
   */
  private void recordTouchedPapers() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE touched (id TEXT)");
      s.execute(
          "CREATE TRIGGER papers_touched AFTER UPDATE ON papers"
              + " BEGIN INSERT INTO touched VALUES (new.id); END");
    }
  }

  /** Papers by id, each with its title and the title key stored for it. */
  void insertPapers(Map<String, String[]> papers) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO papers (id, title, title_key, abstract, authors, categories, versions,"
                    + " sources, change_seq, first_seen, last_changed)"
                    + " VALUES (?, ?, ?, 'a', '[]', '', 1, 'test', 1, 'x', 'x')")) {
      c.setAutoCommit(false);
      for (var e : papers.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue()[0]);
        ps.setString(3, e.getValue()[1]);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
    assertThat(Set.copyOf(strings("SELECT id FROM papers"))).hasSize(papers.size());
  }

  /** Each paper's title key by id, in the order of insertion. */
  Map<String, String> titleKeys() throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, title_key FROM papers ORDER BY rowid")) {
      while (rs.next()) out.put(rs.getString(1), rs.getString(2));
    }
    return out;
  }

  void update(String sql, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      Jdbc.update(c, sql, args);
    }
  }

  /** The first column of each row the query returns. */
  List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
