package dev.lectern.store;

import dev.lectern.paper.Paper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper library, Lectern's source of truth: papers, where they came from, import history and
 * named state. Reads open their own connection; writes go through a {@link PaperWriter}.
 */
public final class PaperLibrary {
  private final Database db;
  private final ChangeSequence changes;
  private final ImportRuns runs;
  private final SyncState state;
  private final EmbeddingStore embeddings;
  private final PaperDays days;

  public PaperLibrary(Database db) {
    this.db = db;
    this.changes = new ChangeSequence(lastChangeSeq());
    this.runs = new ImportRuns(db);
    this.state = new SyncState(db);
    this.embeddings = new EmbeddingStore(db);
    this.days = new PaperDays(db);
  }

  /** The papers by the day they count on (submitted, or entered the library). */
  public PaperDays days() {
    return days;
  }

  public EmbeddingStore embeddings() {
    return embeddings;
  }

  /** A paper as of a given point in the library's change sequence. */
  public record Change(Paper paper, long changeSeq) {}

  /** An id that no longer names a paper of its own (it moved to its arXiv id) as of a change. */
  public record Redirect(String oldId, String newId, long changeSeq) {}

  /** The papers inserted or changed after {@code seq}, in change order, at most {@code limit}. */
  public List<Change> changedSince(long seq, int limit) {
    List<Change> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + PaperRows.COLUMNS
                    + ", change_seq FROM papers "
                    + "WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Change(PaperRows.read(rs), rs.getLong(15)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read changed papers: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * How many papers were inserted or changed after {@code seq}: what a sync from there has to
   * index.
   */
  public long changedCountSince(long seq) {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM papers WHERE change_seq > ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count changed papers: " + e.getMessage(), e);
    }
  }

  /** Ids retired after {@code seq} because their paper moved to its arXiv id. */
  public List<Redirect> redirectsSince(long seq) {
    List<Redirect> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT old_id, new_id, change_seq FROM paper_redirects WHERE change_seq > ? ORDER BY change_seq")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Redirect(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read redirects: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The latest number of the library's change sequence: a derived store that has seen it is up to
   * date.
   */
  public long lastChangeSeq() {
    return queryLong(
        "SELECT MAX(s) FROM (SELECT MAX(change_seq) AS s FROM papers UNION ALL "
            + "SELECT MAX(change_seq) FROM paper_redirects) AS seqs");
  }

  /** Several papers by id, in the order asked; unknown ids are skipped. */
  public List<Paper> getAll(List<String> ids) {
    List<Paper> out = new ArrayList<>(ids.size());
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE id = ?")) {
      for (String id : ids) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) out.add(PaperRows.read(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read papers: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The id of the paper each title key names (the key of a normalized title, as {@link
   * Paper#titleKey}), by the library's title-key index; keys no paper has are left out.
   */
  public Map<String, String> idsByTitleKey(Collection<String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM papers WHERE title_key = ? LIMIT 1")) {
      for (String key : keys) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) out.put(key, rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look papers up by title: " + e.getMessage(), e);
    }
    return out;
  }

  /** How many of the latest papers {@link #commonCategories} counts: a bound on its cost. */
  static final int RECENT_FOR_CATEGORIES = 50_000;

  /**
   * The primary categories most common among the library's latest papers, most common first: a full
   * count would scan millions of rows on every onboarding page.
   */
  public List<String> commonCategories(int n) {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT cat FROM (SELECT substr(categories, 1, instr(categories || ' ', ' ') - 1)"
                    + " AS cat FROM papers ORDER BY rowid DESC LIMIT ?)"
                    + " WHERE cat <> '' GROUP BY cat ORDER BY COUNT(*) DESC, cat LIMIT ?")) {
      ps.setInt(1, RECENT_FOR_CATEGORIES);
      ps.setInt(2, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count categories: " + e.getMessage(), e);
    }
    return out;
  }

  public Database database() {
    return db;
  }

  public ImportRuns runs() {
    return runs;
  }

  public SyncState state() {
    return state;
  }

  /** A writer whose rejects and counts belong to the given import run (0 for none). */
  public PaperWriter writer(long runId) {
    try {
      return new PaperWriter(db.connect(), changes, runId);
    } catch (SQLException e) {
      throw new StoreException("cannot start writing to the library: " + e.getMessage(), e);
    }
  }

  /** The paper with this id, following the redirect of a paper that moved to its arXiv id. */
  public Optional<Paper> get(String id) {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + PaperRows.COLUMNS
                    + " FROM papers WHERE id = "
                    + "COALESCE((SELECT new_id FROM paper_redirects WHERE old_id = ?), ?)")) {
      ps.setString(1, id);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PaperRows.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read paper " + id + ": " + e.getMessage(), e);
    }
  }

  public long count() {
    return queryLong("SELECT COUNT(*) FROM papers");
  }

  /** Figures for {@code lectern stats}, in display order. */
  public Map<String, Object> stats() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("papers", count());
    s.put("with arXiv id", queryLong("SELECT COUNT(*) FROM papers WHERE id NOT LIKE 't-%'"));
    s.put("with upvotes", queryLong("SELECT COUNT(*) FROM papers WHERE upvotes IS NOT NULL"));
    s.put("embeddings", queryLong("SELECT COUNT(*) FROM embeddings"));
    s.put("newest submitted", queryString("SELECT MAX(submitted) FROM papers"));
    s.put("oldest submitted", queryString("SELECT MIN(submitted) FROM papers"));
    s.put("import runs", queryLong("SELECT COUNT(*) FROM import_runs"));
    s.put("rejected records", queryLong("SELECT COUNT(*) FROM import_rejects"));
    return s;
  }

  /** Papers per source, e.g. {@code arxiv-snapshot -> 1000}. */
  public Map<String, Long> countsBySource() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT source, COUNT(*) FROM paper_sources GROUP BY source ORDER BY source")) {
      while (rs.next()) counts.put(rs.getString(1), rs.getLong(2));
    } catch (SQLException e) {
      throw new StoreException("cannot count papers by source: " + e.getMessage(), e);
    }
    return counts;
  }

  private long queryLong(String sql) {
    String v = queryString(sql);
    return v == null ? 0 : Long.parseLong(v);
  }

  private String queryString(String sql) {
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new StoreException("cannot query the library: " + e.getMessage(), e);
    }
  }
}
