package dev.lectern.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The library's database: where it is, how to connect, and its schema (versioned Flyway migrations
 * under {@code db/migration/<vendor>}). SQLite is the embedded default; the JDBC URL is the only
 * thing a PostgreSQL deployment changes, plus its own migration folder.
 */
public final class Database {
  private final String url;
  private final String vendor;

  private Database(String url, String vendor) {
    this.url = url;
    this.vendor = vendor;
  }

  /** The embedded SQLite library in {@code dataDir/library.db}, created and migrated if needed. */
  public static Database openEmbedded(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the data directory " + dataDir + ": " + IoReasons.ofDirectory(e, dataDir),
          e);
    }
    // 8 KiB pages suit rows of 1-3 KB (title, abstract, authors) better than SQLite's default 4
    // KiB.
    return open(
        "jdbc:sqlite:" + dataDir.resolve("library.db").toAbsolutePath() + "?page_size=8192");
  }

  public static Database open(String jdbcUrl) {
    String vendor =
        jdbcUrl.startsWith("jdbc:sqlite:")
            ? "sqlite"
            : jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : null;
    if (vendor == null) {
      throw new StoreException(
          "unsupported database URL " + jdbcUrl + " (expected jdbc:sqlite:... )");
    }
    Database db = new Database(jdbcUrl, vendor);
    db.migrate();
    return db;
  }

  private void migrate() {
    try {
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration/" + vendor)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot prepare the library schema at " + url + ": " + e.getMessage(), e);
    }
  }

  /** A new connection, configured for this vendor; the caller closes it. */
  public Connection connect() {
    try {
      Connection c = DriverManager.getConnection(url);
      if (vendor.equals("sqlite")) {
        try (Statement s = c.createStatement()) {
          // WAL: readers never block the writer. NORMAL sync in WAL mode survives a process kill at
          // any
          // moment (only a power loss may drop the last commits), and the file is always
          // consistent.
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=NORMAL");
          s.execute("PRAGMA busy_timeout=30000");
          s.execute("PRAGMA cache_size=-65536");
          // Checkpoint the WAL into the database every ~160 MB rather than 4 MB: pages written
          // again and again
          // during an import (index pages above all) are copied and synced once instead of many
          // times.
          s.execute("PRAGMA wal_autocheckpoint=20000");
          s.execute("PRAGMA temp_store=MEMORY");
        }
      }
      return c;
    } catch (SQLException e) {
      throw new StoreException("cannot open the library at " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a consistent copy of the whole library to {@code file} (SQLite's {@code VACUUM INTO}: a
   * snapshot, even while another process writes), for work that must not touch the original.
   */
  public void copyTo(Path file) {
    if (!vendor.equals("sqlite")) {
      throw new StoreException(
          "only an SQLite library can be copied here; " + url + " is " + vendor);
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new StoreException("cannot copy the library to " + file + ": " + e.getMessage(), e);
    }
  }

  public String url() {
    return url;
  }

  public String vendor() {
    return vendor;
  }
}
