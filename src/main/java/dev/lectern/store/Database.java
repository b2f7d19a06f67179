package dev.lectern.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The library's database: where it is, how to connect, and its schema (versioned Flyway migrations
 * under {@code db/migration/<vendor>}, and Java ones in this package, see {@link #schema}). SQLite
 * is the embedded default; the JDBC URL is the only thing a PostgreSQL deployment changes, plus its
 * own migration folder.
 *
 * <p>Connections come from a pool: opening and configuring an SQLite connection costs about 0.7 ms,
 * a hundred times a small query on an open one, and a page asks for several.
 */
public final class Database implements AutoCloseable {
  /** Enough for the web's requests and the background work beside them on a few cores. */
  private static final int MAX_CONNECTIONS = 10;

  private final String url;
  private final String vendor;
  private final HikariDataSource pool;

  private Database(String url, String vendor) {
    this.url = url;
    this.vendor = vendor;
    this.pool = pool(url, vendor);
  }

  private static HikariDataSource pool(String url, String vendor) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("lectern-library");
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(0);
    // an idle connection's page cache is given back after a while, and none lives for ever
    config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
    config.setMaxLifetime(Duration.ofMinutes(10).toMillis());
    // a pool that cannot open its first connection must not stop a command that needs none yet;
    // connect() reports the reason when one is asked for
    config.setInitializationFailTimeout(-1);
    if (vendor.equals("sqlite")) {
      config.setDataSourceProperties(sqlitePragmas());
      // the one setting sqlite-jdbc takes no connection property for
      config.setConnectionInitSql("PRAGMA wal_autocheckpoint=20000");
    }
    return new HikariDataSource(config);
  }

  /**
   * Set on every new SQLite connection (sqlite-jdbc reads them as connection properties). WAL:
   * readers never block the writer. NORMAL sync in WAL mode survives a process kill at any moment
   * (only a power loss may drop the last commits), and the file is always consistent. The WAL is
   * checkpointed every ~160 MB rather than 4 MB: pages written again and again during an import
   * (index pages above all) are copied and synced once instead of many times.
   */
  private static Properties sqlitePragmas() {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "NORMAL");
    p.setProperty("busy_timeout", "30000");
    p.setProperty("cache_size", "-65536");
    p.setProperty("temp_store", "MEMORY");
    return p;
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
      schema(url, vendor).load().migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot prepare the library schema at " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * The library's migrations: the SQL scripts of the vendor's folder, and those that SQL cannot
   * express, as classes of this package (Flyway finds none by scanning; they are named here).
   */
  static FluentConfiguration schema(String url, String vendor) {
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/" + vendor)
        .javaMigrations(new V13__DecodedTitleKeys(), new V14__FoldedTitleKeys());
  }

  /**
   * A connection from the pool, configured for this vendor; the caller closes it (gives it back). A
   * PRAGMA set on it would outlive the caller and reach the next one: connection settings belong in
   * {@link #pool}.
   */
  public Connection connect() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("cannot open the library at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Closes the pooled connections; {@link #connect()} fails after it. */
  @Override
  public void close() {
    pool.close();
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
