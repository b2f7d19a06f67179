package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lectern.digest.DigestFixture;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.DigestUsers;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.digest.Subscriptions;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern digest}: a dry run, a real run, and a run killed in the middle. */
class CliDigestTest {
  @TempDir Path dataDir;
  GreenMail smtp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (DigestFixture f = DigestFixture.start(dataDir)) {
      // two more users, each following Ada Lovelace, daily at midnight UTC: due whenever this runs
      for (String name : List.of("ada-fan", "babbage-fan")) {
        long id = f.addUser(name, name + "@example.org");
        new Subscriptions(f.db()).add(id, Kind.AUTHOR, "Ada Lovelace", "Ada Lovelace");
      }
      DigestUsers users = new DigestUsers(f.db());
      for (long id = 1; id <= 3; id++)
        users.update(id, Frequency.DAILY, 0, DayOfWeek.MONDAY, DigestFixture.LONG_AGO);
    }
    config = dataDir.resolve("lectern.conf");
    Files.writeString(
        config,
        "mail.host = 127.0.0.1\nmail.port = "
            + smtp.getSmtp().getPort()
            + "\nmail.security = none\nmail.base-url = https://lectern.example.org\n"
            + "mail.pause = 3s\n");
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void aDryRunPrintsTheDigestAndSendsAndRecordsNothing() {
    Cli r =
        Cli.run(dataDir, "--config", config.toString(), "digest", "--dry-run", "--user", "local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("== local <local@example.org>, daily")
        .contains("Subject: Lectern: 3 new papers for you (13 March 2024)")
        .contains("Why: Saved search 'graph neural'; you follow Ada Lovelace")
        .doesNotContain("ada-fan");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    // nothing recorded: the real run after it still sends every digest
    Cli sent = Cli.run(dataDir, "--config", config.toString(), "digest");
    assertThat(sent.out()).contains("3 composed").contains("3 sent");
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(Cli.run(dataDir, "--config", config.toString(), "digest").out()).contains("0 sent");
    assertThat(smtp.getReceivedMessages()).hasSize(3);
  }

  @Test
  void withoutAMailHostItSaysWhatToSet() {
    Cli r = Cli.run(dataDir, "digest");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("mail.host").contains("--dry-run");
  }

  @Test
  void aRunKilledAfterItsFirstMailIsResumedAndEveryUserGetsExactlyOne() throws Exception {
    Path log = dataDir.resolve("digest.log");
    Process child =
        Cli.inOwnProcess(dataDir, log, Map.of(), "--config", config.toString(), "digest");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (smtp.getReceivedMessages().length == 0 && System.nanoTime() < deadline) {
        assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
        Thread.sleep(20);
      }
      Thread.sleep(500); // into its 3 s pause before the second mail
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    Cli again = Cli.run(dataDir, "--config", config.toString(), "digest");
    assertThat(again.out()).as(again.err()).contains("0 composed").contains("2 sent");
    Map<String, Integer> perUser = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages())
      perUser.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
    assertThat(perUser)
        .containsOnly(
            Map.entry("local@example.org", 1),
            Map.entry("ada-fan@example.org", 1),
            Map.entry("babbage-fan@example.org", 1));
  }
}
