package dev.lectern.digest;

import dev.lectern.app.DailySchedule;
import dev.lectern.digest.DigestMail.Composed;
import dev.lectern.digest.DigestSends.Send;
import dev.lectern.digest.DigestUsers.Recipient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One run of the digests: composes every digest that fell due (one per user and period, recorded as
 * pending with its whole mail, or as empty when there is nothing new), then sends the pending ones,
 * each marked sent once the server took it. A run killed at any point leaves pending digests that
 * the next run sends; a failed send is tried again later, waiting longer each time.
 */
public final class DigestRun {
  /** How long a sender may hold a digest before another run takes it over (it died mid-send). */
  static final Duration CLAIM = Duration.ofMinutes(5);

  static final Duration FIRST_RETRY = Duration.ofMinutes(5);
  static final Duration MAX_RETRY = Duration.ofHours(6);

  /**
   * What a run did.
   *
   * @param problems one line per failed send: who, and the server's words
   */
  public record Report(int composed, int empty, int sent, int failed, List<String> problems) {}

  /** What a user's digest would hold now, for {@code --dry-run}: the mail, or why there is none. */
  public record Preview(Recipient user, Composed mail, String note) {}

  private final DigestUsers users;
  private final DigestSends sends;
  private final DigestComposer composer;
  private final DigestMail mail;
  private final LinkTokens tokens;
  private final Mailer mailer;
  private final Duration pause;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param mailer null to compose only (no mail host is set): pending digests wait for one
   */
  public DigestRun(
      DigestUsers users,
      DigestSends sends,
      DigestComposer composer,
      DigestMail mail,
      LinkTokens tokens,
      Mailer mailer,
      Duration pause) {
    this.users = users;
    this.sends = sends;
    this.composer = composer;
    this.mail = mail;
    this.tokens = tokens;
    this.mailer = mailer;
    this.pause = pause;
  }

  /** Composes what is due at {@code now} and sends what is pending, until {@code stop} says. */
  public Report run(Instant now, BooleanSupplier stop) {
    int[] counts = new int[2];
    for (Recipient r : users.subscribed()) {
      if (stop.getAsBoolean()) break;
      Boolean composed = composeDue(r, now);
      if (composed != null) counts[composed ? 0 : 1]++;
    }
    return send(now, stop, counts[0], counts[1]);
  }

  /** True: a digest to send; false: nothing new; null: nothing was due. */
  private Boolean composeDue(Recipient r, Instant now) {
    DailySchedule schedule = r.settings().schedule(r.zone());
    if (schedule == null || r.email() == null) return null;
    Instant period = schedule.previous(now);
    Instant enabled = r.settings().enabledAt();
    if (enabled != null && period.isBefore(enabled)) return null;
    if (sends.exists(r.id(), period)) return null;
    LocalDate cutoff = composer.latestDay();
    if (cutoff == null) return null; // an empty library: nothing yet, nothing owed
    DigestWindow w = window(r, cutoff);
    Digest d = composer.compose(r, w);
    if (d.isEmpty()) {
      // nothing new (a weekend, a holiday): no mail, and the next digest starts from here
      sends.addEmpty(r.id(), period, w.since(), cutoff, d.arrivedUntil(), now);
      return false;
    }
    Composed m = mail.compose(d, tokens.unsubscribe(r.id()));
    return sends.addPending(
        r.id(),
        period,
        w.since(),
        cutoff,
        r.email(),
        m,
        messageId(r, period),
        d.recommended(),
        d.arrivedUntil(),
        now);
  }

  /**
   * What the user's next digest covers: the days after the last one's up to {@code cutoff}, and
   * what arrived since it (the first reaches one period back).
   */
  private DigestWindow window(Recipient r, LocalDate cutoff) {
    return sends
        .last(r.id())
        .map(last -> new DigestWindow(last.cutoff(), cutoff, last.arrivedUntil()))
        .orElseGet(
            () -> new DigestWindow(cutoff.minusDays(r.settings().periodDays()), cutoff, null));
  }

  private Report send(Instant now, BooleanSupplier stop, int composed, int empty) {
    int sent = 0;
    List<String> problems = new ArrayList<>();
    long start = System.nanoTime(); // the run's clock goes on from now, across its pauses
    if (mailer == null) return new Report(composed, empty, 0, 0, problems);
    for (Send s : sends.due(now)) {
      if (stop.getAsBoolean()) break;
      if (sent + problems.size() > 0 && !pause(stop)) break;
      Instant at = now.plusNanos(System.nanoTime() - start);
      if (!sends.claim(s.id(), at, at.plus(CLAIM))) continue;
      try {
        mailer.send(outgoing(s));
        sends.markSent(s.id(), now.plusNanos(System.nanoTime() - start));
        sent++;
      } catch (Mailer.SendFailed e) {
        sends.markFailed(s.id(), e.getMessage(), at.plus(backoff(s.attempts() + 1)));
        problems.add(s.recipient() + ": " + e.getMessage());
      }
    }
    return new Report(composed, empty, sent, problems.size(), problems);
  }

  /** Waits between two mails; false when told to stop meanwhile. */
  private boolean pause(BooleanSupplier stop) {
    long end = System.nanoTime() + pause.toNanos();
    while (System.nanoTime() < end) {
      if (stop.getAsBoolean()) return false;
      try {
        Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stop.getAsBoolean();
  }

  /**
   * 5 minutes after the first failure, doubling, at most 6 hours: a server down all night is not
   * hammered.
   */
  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  private Mailer.Outgoing outgoing(Send s) {
    return new Mailer.Outgoing(
        s.recipient(),
        s.mail().subject(),
        s.mail().text(),
        s.mail().html(),
        s.messageId(),
        mail.unsubscribeUrl(tokens.unsubscribe(s.userId())));
  }

  private String messageId(Recipient r, Instant period) {
    byte[] b = new byte[6];
    random.nextBytes(b);
    return "<digest."
        + r.id()
        + "."
        + period.getEpochSecond()
        + "."
        + HexFormat.of().formatHex(b)
        + "@lectern>";
  }

  /**
   * What each user's digest would hold if it were composed now (the named user's, or every
   * subscribed user's); nothing is recorded or sent.
   */
  public List<Preview> preview(List<Recipient> who) {
    List<Preview> out = new ArrayList<>();
    LocalDate cutoff = composer.latestDay();
    for (Recipient r : who) {
      if (cutoff == null) {
        out.add(new Preview(r, null, "the library is empty"));
        continue;
      }
      Digest d = composer.compose(r, window(r, cutoff));
      if (d.isEmpty()) {
        out.add(new Preview(r, null, "nothing new since the last digest: no mail"));
      } else {
        out.add(new Preview(r, mail.compose(d, tokens.unsubscribe(r.id())), null));
      }
    }
    return out;
  }
}
