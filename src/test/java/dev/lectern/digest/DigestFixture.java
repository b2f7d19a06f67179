package dev.lectern.digest;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real library (SQLite file and index) with a few papers of 12 and 13 March 2024, and users with
 * digests: user 1 (the local user) saves the search "graph" and follows Ada Lovelace.
 */
public final class DigestFixture implements AutoCloseable {
  public static final LocalDate DAY = LocalDate.of(2024, 3, 13);

  /** Before any period the tests use: every period is owed. */
  public static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");

  public final Lectern lectern;
  public final Path dataDir;

  private DigestFixture(Lectern lectern, Path dataDir) {
    this.lectern = lectern;
    this.dataDir = dataDir;
  }

  /** The library with its papers, and user 1's email, searches and daily digest at 07:00 UTC. */
  public static DigestFixture start(Path dataDir) {
    DigestFixture f = new DigestFixture(new Lectern(settings(dataDir, Map.of())), dataDir);
    TestLibrary.write(f.lectern.library(), papers().toArray(Paper[]::new));
    f.setEmail(1, "local@example.org");
    Subscriptions subs = new Subscriptions(f.db());
    subs.add(1, Kind.SEARCH, SavedQuery.parse("q=graph&mode=lexical").canonical(), "graph neural");
    subs.add(1, Kind.AUTHOR, "Ada Lovelace", "Ada Lovelace");
    new DigestUsers(f.db()).update(1, Frequency.DAILY, 7, DayOfWeek.MONDAY, LONG_AGO);
    return f;
  }

  public static Settings settings(Path dataDir, Map<String, String> more) {
    Map<String, String> flags = new HashMap<>(more);
    flags.put(Settings.DATA_DIR, dataDir.toString());
    return Settings.load(null, Map.of(), flags);
  }

  /** The papers: four of {@link #DAY} and one of the day before. */
  static List<Paper> papers() {
    return List.of(
        paper("2403.10000", "An older graph paper", "Ada Lovelace", "cs.LG", DAY.minusDays(1), 3),
        paper(
            "2403.10001", "Graph neural networks for molecules", "Ada Lovelace", "cs.LG", DAY, 10),
        paper("2403.10002", "Graph attention at scale", "Grace Hopper", "cs.LG", DAY, null),
        paper("2403.10003", "Sparse retrieval for long inputs", "Ada Lovelace", "cs.CL", DAY, null),
        paper(
            "2403.10004",
            "A language model everyone talks about",
            "Alan Turing",
            "cs.CL",
            DAY,
            50));
  }

  public static Paper paper(
      String id, String title, String author, String cat, LocalDate day, Integer upvotes) {
    return TestLibrary.paper(
        id,
        title,
        "We study this at length, with experiments and a long discussion of results.",
        List.of(author, "Charles Babbage"),
        List.of(cat),
        day,
        upvotes);
  }

  /** Writes papers and has the index take them in, as serve's follower would. */
  public void add(Paper... papers) {
    TestLibrary.write(lectern.library(), papers);
    lectern.index().sync();
  }

  public Database db() {
    return lectern.library().database();
  }

  public Digests digests(MailSettings mail) {
    return Digests.open(
        lectern.library(), lectern.search(false), dataDir, mail, Recommendations.NONE);
  }

  /** Plain SMTP to this machine's port, as a test's server takes it. */
  public static MailSettings mail(int port, String user, String password) {
    return new MailSettings(
        "127.0.0.1",
        port,
        user,
        password,
        "Lectern <lectern@example.org>",
        MailSettings.Security.NONE,
        "https://lectern.example.org",
        Duration.ZERO);
  }

  public long addUser(String name, String email) {
    execute(
        "INSERT INTO users (name, email, created_at) VALUES (?, ?, '2024-01-01T00:00:00Z')",
        name,
        email);
    return new DigestUsers(db()).byName(name).orElseThrow().id();
  }

  public void setEmail(long user, String email) {
    execute("UPDATE users SET email = ? WHERE id = ?", email, user);
  }

  public void execute(String sql, Object... params) {
    try (Connection c = db().connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    lectern.close();
  }
}
