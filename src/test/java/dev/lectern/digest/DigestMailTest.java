package dev.lectern.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lectern.digest.DigestSends.Send;
import dev.lectern.digest.DigestSends.Status;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests sent to a real SMTP server in this process (GreenMail), and to servers that fail. */
class DigestMailTest {
  /** The morning after {@link DigestFixture#DAY}, past user 1's 07:00 UTC. */
  static final Instant MORNING = Instant.parse("2024-03-14T08:00:00Z");

  static final BooleanSupplier NEVER = () -> false;

  @TempDir Path dataDir;
  DigestFixture fixture;
  GreenMail smtp;

  @BeforeEach
  void start() {
    fixture = DigestFixture.start(dataDir);
    smtp =
        new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("lectern", "right"));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
    fixture.close();
  }

  DigestRun run(String password) {
    return fixture.digests(DigestFixture.mail(smtp.getSmtp().getPort(), "lectern", password)).run();
  }

  @Test
  void aDigestArrivesWithBothPartsItsHeadersAndTheRightPapersForTheirReasons() throws Exception {
    DigestRun.Report r = run("right").run(MORNING, NEVER);
    assertThat(r.sent()).isEqualTo(1);
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("local@example.org");
    assertThat(m.getSubject()).isEqualTo("Lectern: 3 new papers for you (13 March 2024)");
    String unsubscribe = m.getHeader("List-Unsubscribe")[0];
    assertThat(unsubscribe)
        .matches("<https://lectern\\.example\\.org/digest/unsubscribe/1-[\\w-]+>");
    assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    BodyPart text = parts.getBodyPart(0), html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat(html.getContentType()).startsWith("text/html");
    String plain = ((String) text.getContent()).replace("\r\n", "\n");
    // both reasons on the paper both brought, once
    assertThat(plain)
        .contains("3 new papers for you, 13 March 2024")
        .containsOnlyOnce("Graph neural networks for molecules")
        .contains("Why: Saved search 'graph neural'; you follow Ada Lovelace")
        .contains("https://lectern.example.org/papers/2403.10001")
        .contains(
            "Graph attention at scale\n   Grace Hopper, Charles Babbage\n   Why: Saved search 'graph neural'")
        .contains("Sparse retrieval for long inputs")
        .contains("Why: You follow Ada Lovelace")
        .doesNotContain("An older graph paper"); // the day before: not new
    assertThat(plain.substring(plain.indexOf("Trending today")))
        .contains("A language model everyone talks about");
    assertThat(plain).contains(unsubscribe.substring(1, unsubscribe.length() - 1));
    String body = (String) html.getContent();
    // to look at it: -Dlectern.digest.html=FILE (then render it with a browser)
    String keep = System.getProperty("lectern.digest.html");
    if (keep != null) java.nio.file.Files.writeString(Path.of(keep), body);
    assertThat(body)
        .contains("<a href=\"https://lectern.example.org/papers/2403.10002\"")
        .contains(">Saved search 'graph neural'; you follow Ada Lovelace</p>");
  }

  @Test
  void aDigestIsNotSentTwiceAndADayWithoutNewPapersSendsNothing() {
    run("right").run(MORNING, NEVER);
    DigestRun.Report again = run("right").run(MORNING.plusSeconds(600), NEVER);
    assertThat(again.composed() + again.sent()).isZero();
    // the next morning: no paper newer than the 13th
    DigestRun.Report next = run("right").run(MORNING.plus(Duration.ofDays(1)), NEVER);
    assertThat(next.empty()).isEqualTo(1);
    assertThat(next.sent()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    fixture.add(
        DigestFixture.paper(
            "2403.20001",
            "Graph rewiring",
            "Emmy Noether",
            "cs.LG",
            DigestFixture.DAY.plusDays(2),
            null));
    run("right").run(MORNING.plus(Duration.ofDays(2)), NEVER);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    String second = GreenMailUtil.getBody(smtp.getReceivedMessages()[1]);
    assertThat(second).contains("Graph rewiring").doesNotContain("Graph attention at scale");
  }

  @Test
  void aRefusingServerMeansARecordedFailureAndALaterRetrySucceeds() {
    DigestRun.Report refused = run("wrong").run(MORNING, NEVER);
    assertThat(refused.failed()).isEqualTo(1);
    assertThat(refused.problems().getFirst())
        .contains("local@example.org")
        .containsIgnoringCase("auth");
    Send s = onlySend();
    assertThat(s.status()).isEqualTo(Status.PENDING);
    assertThat(s.attempts()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // before its retry is due nothing is tried, even with the server fixed
    assertThat(run("right").run(MORNING.plusSeconds(60), NEVER).sent()).isZero();
    DigestRun.Report retried =
        run("right").run(MORNING.plus(DigestRun.FIRST_RETRY).plusSeconds(1), NEVER);
    assertThat(retried.sent()).isEqualTo(1);
    assertThat(onlySend().status()).isEqualTo(Status.SENT);
    assertThat(onlySend().attempts()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void noServerListeningIsARecordedFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Digests d = fixture.digests(DigestFixture.mail(port, "", ""));
    DigestRun.Report r = d.run().run(MORNING, NEVER);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(onlySend().status()).isEqualTo(Status.PENDING);
    assertThat(onlySend().lastError()).containsIgnoringCase("connect");
  }

  @Test
  void aServerThatDropsTheConnectionIsARecordedFailureAndTheDigestWaits() throws Exception {
    try (ServerSocket dropper = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!dropper.isClosed()) {
                  try (Socket c = dropper.accept()) {
                    c.getOutputStream()
                        .write(
                            "220 hello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      Digests d = fixture.digests(DigestFixture.mail(dropper.getLocalPort(), "", ""));
      assertThat(d.run().run(MORNING, NEVER).failed()).isEqualTo(1);
    }
    assertThat(onlySend().status()).isEqualTo(Status.PENDING);
    assertThat(onlySend().attempts()).isEqualTo(1);
    // the real server later: the same digest, once
    DigestRun.Report later = run("right").run(MORNING.plus(Duration.ofHours(1)), NEVER);
    assertThat(later.sent()).isEqualTo(1);
    assertThat(later.composed()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aWeeklyDigestComesOnItsDayAtTheHourOfTheUsersTimeZone() throws Exception {
    fixture.execute("UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = 1");
    new DigestUsers(fixture.db())
        .update(
            1,
            DigestSettings.Frequency.WEEKLY,
            18,
            java.time.DayOfWeek.FRIDAY,
            DigestFixture.LONG_AGO);
    // Friday 15 March 2024, 18:00 in Berlin is 17:00 UTC
    Instant before = Instant.parse("2024-03-15T16:59:00Z");
    Instant after = Instant.parse("2024-03-15T17:01:00Z");
    // before it the last period is a week earlier, when the library had no paper of the week yet
    assertThat(run("right").run(before, NEVER).sent()).isEqualTo(1);
    assertThat(run("right").run(before.plusSeconds(30), NEVER).composed()).isZero();
    DigestRun.Report friday = run("right").run(after, NEVER);
    assertThat(friday.composed() + friday.empty()).isEqualTo(1); // the new period: nothing new
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("new papers for you");
  }

  @Test
  void theBackoffDoublesUpToSixHours() {
    assertThat(DigestRun.backoff(1)).isEqualTo(Duration.ofMinutes(5));
    assertThat(DigestRun.backoff(2)).isEqualTo(Duration.ofMinutes(10));
    assertThat(DigestRun.backoff(40)).isEqualTo(Duration.ofHours(6));
  }

  private Send onlySend() {
    List<Send> all = new DigestSends(fixture.db()).recent(1, 10);
    assertThat(all).hasSize(1);
    return all.getFirst();
  }
}
