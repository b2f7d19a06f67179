package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.recommend.ForYou;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.MutableClock;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A running server over an empty library with accounts as given, on a clock the test moves (sign-in
 * delays and session expiry).
 */
final class AccountsFixture implements AutoCloseable {
  final Lectern lectern;
  final Accounts accounts;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  final WebServer server;

  AccountsFixture(Path dataDir, AccountSettings settings) {
    lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    accounts = new Accounts(lectern.library().database(), settings, clock);
    server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            lectern.search(false),
            lectern.library(),
            new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET),
            new WebServer.People(accounts, ForYou.Settings.defaults(), null, null, null));
  }

  URI uri() {
    return server.uri();
  }

  FormClient browser() {
    return new FormClient(uri());
  }

  /** A browser signed in as a new account. */
  FormClient signedIn(String name, String password, boolean admin) {
    accounts.users().create(name, password, admin);
    return signIn(name, password);
  }

  FormClient signIn(String name, String password) {
    FormClient b = browser();
    b.get("/login");
    FormClient.Answer r = b.post("/login", "name", name, "password", password);
    if (r.status() != 303) throw new AssertionError("sign-in failed: " + r.status() + r.body());
    b.get("/account");
    return b;
  }

  @Override
  public void close() {
    server.close();
    lectern.close();
  }
}
