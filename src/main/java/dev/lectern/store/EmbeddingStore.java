package dev.lectern.store;

import dev.lectern.embed.VectorCodec;
import dev.lectern.paper.Paper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Paper embeddings kept in the library: one vector per paper and model version, computed once, so
 * an index rebuild never recomputes them. A vector is stale when the paper's title or abstract
 * changed since.
 */
public final class EmbeddingStore {
  private final Database db;

  EmbeddingStore(Database db) {
    this.db = db;
  }

  /**
   * A paper whose vector for a model is missing or stale, with the text hash the new vector will
   * carry.
   */
  public record Pending(Paper paper, String textHash, long changeSeq) {}

  /** Stores vectors (paper id -> vector) for a model in one transaction, replacing older ones. */
  public void putAll(String model, Map<String, float[]> vectors, Map<String, String> textHashes) {
    String now = Instant.now().toString();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO embeddings (paper_id, model, dims, vector, "
                  + "created_at, text_hash) VALUES (?,?,?,?,?,?) ON CONFLICT (paper_id, model) DO UPDATE SET "
                  + "dims = excluded.dims, vector = excluded.vector, created_at = excluded.created_at, "
                  + "text_hash = excluded.text_hash")) {
        for (var e : vectors.entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, model);
          ps.setInt(3, e.getValue().length);
          ps.setBytes(4, VectorCodec.toBytes(e.getValue()));
          ps.setString(5, now);
          ps.setString(6, textHashes.getOrDefault(e.getKey(), ""));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot store embeddings: " + e.getMessage(), e);
    }
  }

  /**
   * The stored vectors of these papers for a model (fresh or not); papers without one are absent.
   */
  public Map<String, float[]> get(String model, List<String> paperIds) {
    Map<String, float[]> out = new HashMap<>();
    if (paperIds.isEmpty()) return out;
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT paper_id, vector FROM embeddings WHERE model = ? AND paper_id = ?")) {
      for (String id : paperIds) {
        ps.setString(1, model);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) out.put(rs.getString(1), VectorCodec.fromBytes(rs.getBytes(2)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read embeddings: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The stored vectors of these papers for a model that were computed from the given text (paper id
   * -> text hash, as {@link Paper#textHash}); the others are absent.
   */
  public Map<String, float[]> getFresh(String model, Map<String, String> textHashes) {
    Map<String, float[]> out = new HashMap<>();
    if (textHashes.isEmpty()) return out;
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT vector FROM embeddings WHERE model = ? AND paper_id = ? AND text_hash = ?")) {
      for (var e : textHashes.entrySet()) {
        ps.setString(1, model);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) out.put(e.getKey(), VectorCodec.fromBytes(rs.getBytes(1)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read embeddings: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Up to {@code limit} papers whose vector for the model is missing or stale, oldest change first.
   */
  public List<Pending> pending(String model, int limit) {
    return pending(model, 0, limit);
  }

  /**
   * As {@link #pending(String, int)}, but only papers changed after {@code afterSeq}: a caller
   * working through the library passes the last change it handled, so each chunk starts where the
   * previous one ended instead of stepping over every paper embedded so far (which made a full pass
   * quadratic).
   */
  public List<Pending> pending(String model, long afterSeq, int limit) {
    List<Pending> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + qualified()
                    + ", p.text_hash, p.change_seq "
                    + "FROM papers p LEFT JOIN embeddings e ON e.paper_id = p.id AND e.model = ? "
                    + "WHERE p.change_seq > ? AND (e.paper_id IS NULL OR e.text_hash <> p.text_hash) "
                    + "ORDER BY p.change_seq LIMIT ?")) {
      ps.setString(1, model);
      ps.setLong(2, afterSeq);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(new Pending(PaperRows.read(rs), rs.getString(15), rs.getLong(16)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list papers to embed: " + e.getMessage(), e);
    }
    return out;
  }

  /** How many papers lack a fresh vector for the model. */
  public long pendingCount(String model) {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM papers p "
                    + "LEFT JOIN embeddings e ON e.paper_id = p.id AND e.model = ? "
                    + "WHERE e.paper_id IS NULL OR e.text_hash <> p.text_hash")) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count papers to embed: " + e.getMessage(), e);
    }
  }

  /** Streams every stored vector of a model (paper id, vector), for rebuilding an index. */
  public void forEach(String model, BiConsumer<String, float[]> consumer) {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT paper_id, vector FROM embeddings WHERE model = ?")) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) consumer.accept(rs.getString(1), VectorCodec.fromBytes(rs.getBytes(2)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read embeddings: " + e.getMessage(), e);
    }
  }

  private static String qualified() {
    return "p." + PaperRows.COLUMNS.replace(", ", ", p.");
  }
}
