package dev.lectern.testing;

import dev.lectern.store.PaperLibrary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Test helper: a digest of everything the library says about its papers, bookkeeping columns aside.
 */
public final class LibraryContent {
  private LibraryContent() {}

  public static String digest(PaperLibrary library) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Connection c = library.database().connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, title, title_key, abstract, authors, categories, submitted, "
                    + "updated, versions, doi, journal_ref, comments, license, upvotes, sources FROM papers ORDER BY id")) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= cols; i++)
          md.update((rs.getString(i) + "\u0001").getBytes(StandardCharsets.UTF_8));
      }
    }
    try (Connection c = library.database().connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT paper_id, source FROM paper_sources ORDER BY paper_id, source")) {
      while (rs.next())
        md.update(
            (rs.getString(1) + "|" + rs.getString(2) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A digest of every stored vector: which paper, which model, and the vector's bytes. */
  public static String embeddingsDigest(PaperLibrary library) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Connection c = library.database().connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT paper_id, model, vector FROM embeddings ORDER BY paper_id, model")) {
      while (rs.next()) {
        md.update((rs.getString(1) + "|" + rs.getString(2) + "|").getBytes(StandardCharsets.UTF_8));
        md.update(rs.getBytes(3));
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static String integrityCheck(PaperLibrary library) throws Exception {
    try (Connection c = library.database().connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
