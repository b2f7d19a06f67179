package dev.lectern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of imports and harvests: when, what, how many, and which records were rejected and
 * why.
 */
public final class ImportRuns {
  /** One run as recorded. */
  public record Run(
      long id,
      String source,
      String input,
      String startedAt,
      String finishedAt,
      String status,
      ImportCounts counts,
      String message) {}

  /** One rejected input record. */
  public record Reject(String location, String reason) {}

  private final Database db;

  ImportRuns(Database db) {
    this.db = db;
  }

  /**
   * Records the start of a run and returns its id. Runs left "running" by a dead process become
   * "interrupted".
   */
  public long start(String source, String input) {
    markInterrupted();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO import_runs (source, input, started_at, status, message) VALUES (?,?,?,'running',?)",
                Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, source);
      ps.setString(2, input);
      ps.setString(3, Instant.now().toString());
      ps.setString(4, "pid " + ProcessHandle.current().pid());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record the start of an import: " + e.getMessage(), e);
    }
  }

  public void finish(long runId, String status, ImportCounts counts, String message) {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE import_runs SET finished_at = ?, status = ?, message = ? WHERE id = ?")) {
      updateCounts(c, runId, counts);
      ps.setString(1, Instant.now().toString());
      ps.setString(2, status);
      ps.setString(3, message);
      ps.setLong(4, runId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot record the end of import run " + runId + ": " + e.getMessage(), e);
    }
  }

  static void updateCounts(Connection c, long runId, ImportCounts n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE import_runs SET read_count = ?, new_count = ?, "
                + "updated_count = ?, unchanged_count = ?, rejected_count = ? WHERE id = ?")) {
      ps.setLong(1, n.read());
      ps.setLong(2, n.added());
      ps.setLong(3, n.updated());
      ps.setLong(4, n.unchanged());
      ps.setLong(5, n.rejected());
      ps.setLong(6, runId);
      ps.executeUpdate();
    }
  }

  public List<Run> recent(int limit) {
    return query("ORDER BY id DESC LIMIT ?", limit);
  }

  /** The run with this number, if there is one. */
  public Optional<Run> find(long runId) {
    return query("WHERE id = ?", runId).stream().findFirst();
  }

  private List<Run> query(String rest, Object... parameters) {
    List<Run> runs = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, source, input, started_at, finished_at, status, "
                    + "read_count, new_count, updated_count, unchanged_count, rejected_count, message "
                    + "FROM import_runs "
                    + rest)) {
      for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(
              new Run(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  new ImportCounts(
                      rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                  rs.getString(12)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the import history: " + e.getMessage(), e);
    }
    return runs;
  }

  public List<Reject> rejects(long runId, int limit) {
    List<Reject> rejects = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT location, reason FROM import_rejects WHERE run_id = ? ORDER BY rowid LIMIT ?")) {
      ps.setLong(1, runId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) rejects.add(new Reject(rs.getString(1), rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read rejected records: " + e.getMessage(), e);
    }
    return rejects;
  }

  /**
   * Rejects describe an input, not a run: a record rejected again is listed under the latest run
   * only, and a run that read its whole input replaces every reject that earlier runs of the same
   * input recorded (the input may have been fixed meanwhile). Importing a file again so never lists
   * its bad records twice, while each run keeps its own counts.
   *
   * @param wholeInput whether the run read its input from the start (not resumed after a
   *     checkpoint)
   */
  public void supersedeRejects(long runId, boolean wholeInput) {
    String sql =
        "DELETE FROM import_rejects WHERE run_id IN (SELECT e.id FROM import_runs e, import_runs r "
            + "WHERE r.id = ? AND e.source = r.source AND e.input = r.input AND e.id < r.id)"
            + (wholeInput
                ? ""
                : " AND location IN (SELECT location FROM import_rejects WHERE run_id = ?)");
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, runId);
      if (!wholeInput) ps.setLong(2, runId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot update the rejected records of earlier runs: " + e.getMessage(), e);
    }
  }

  /**
   * The latest run of the same source and input after {@code run}, if any: it holds the rejects
   * they share.
   */
  public Optional<Run> laterRunOfTheSameInput(Run run) {
    return query(
            "WHERE id > ? AND source = ? AND input = ? ORDER BY id DESC LIMIT 1",
            run.id(),
            run.source(),
            run.input())
        .stream()
        .findFirst();
  }

  /** A run still marked running whose process is gone was killed: say so. */
  private void markInterrupted() {
    try (Connection c = db.connect();
        PreparedStatement find =
            c.prepareStatement("SELECT id, message FROM import_runs WHERE status = 'running'");
        PreparedStatement mark =
            c.prepareStatement(
                "UPDATE import_runs SET status = 'interrupted', message = ? WHERE id = ?");
        ResultSet rs = find.executeQuery()) {
      while (rs.next()) {
        String message = rs.getString(2);
        long pid =
            message != null && message.startsWith("pid ")
                ? Long.parseLong(message.substring(4))
                : -1;
        if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
        mark.setString(1, "process ended before the run finished; its committed batches are kept");
        mark.setLong(2, rs.getLong(1));
        mark.executeUpdate();
      }
    } catch (SQLException | NumberFormatException e) {
      throw new StoreException("cannot check for interrupted imports: " + e.getMessage(), e);
    }
  }
}
