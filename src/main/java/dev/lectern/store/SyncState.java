package dev.lectern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Small named values that must survive a restart: import checkpoints, harvest resumption tokens,
 * the last harvested date. Written in the same transaction as the data they describe where that
 * matters.
 */
public final class SyncState {
  private final Database db;

  SyncState(Database db) {
    this.db = db;
  }

  public Optional<String> get(String name) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT value FROM sync_state WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read state " + name + ": " + e.getMessage(), e);
    }
  }

  public void put(String name, String value) {
    try (Connection c = db.connect()) {
      put(c, name, value, Instant.now().toString());
    } catch (SQLException e) {
      throw new StoreException("cannot save state " + name + ": " + e.getMessage(), e);
    }
  }

  public void remove(String name) {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("DELETE FROM sync_state WHERE name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot remove state " + name + ": " + e.getMessage(), e);
    }
  }

  static void put(Connection c, String name, String value, String now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sync_state (name, value, updated_at) VALUES (?,?,?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.setString(3, now);
      ps.executeUpdate();
    }
  }
}
