package dev.lectern.digest.bench;

import dev.lectern.app.Lectern;
import dev.lectern.digest.Digest;
import dev.lectern.digest.DigestSettings.Frequency;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.digest.Digests;
import dev.lectern.digest.SavedQuery;
import dev.lectern.digest.Subscription.Kind;
import dev.lectern.digest.Subscriptions;
import dev.lectern.paper.Paper;
import dev.lectern.search.bench.BenchQueries;
import dev.lectern.search.bench.LatencyStats;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PaperMarks.Mark;
import dev.lectern.user.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * How long composing the digests takes: users with saved searches, follows and saved papers over a
 * (scratch) library, each user's weekly digest composed as a run composes it (saved searches,
 * follows and For you, whose models are trained for the user then, and the mail rendered), timed
 * user by user. Nothing is recorded or sent; sending is the mail server's time, not Lectern's.
 */
public final class DigestBenchmark {
  /**
   * @param users timed users; {@code warmup} more are composed first, untimed
   * @param searches saved searches per user (queries drawn from the library's titles)
   * @param follows authors and categories followed per user (of papers drawn at random)
   * @param saved papers each user saved (drawn at random), what For you learns from
   * @param cutoff the digests' last day (the week up to it); null for the library's newest day
   */
  public record Setup(
      int users, int searches, int follows, int saved, int warmup, LocalDate cutoff, long seed) {}

  /**
   * What was measured.
   *
   * @param meanPapers papers per digest, on average
   * @param meanForYou of which For you alone brought, on average
   */
  public record Report(
      Setup setup,
      long libraryPapers,
      LocalDate since,
      LocalDate cutoff,
      LatencyStats perUser,
      Duration total,
      int mails,
      double meanPapers,
      double meanForYou) {

    public String text() {
      return String.format(
          Locale.ROOT,
          "weekly digests of %d users (%d saved searches, %d follows, %d saved papers each) over a"
              + " library of %,d papers, days after %s up to %s:%n"
              + "  per user: p50 %.1f ms, p90 %.1f ms, max %.1f ms (after %d untimed)%n"
              + "  all %d users: %.1f s; %d mails, %.1f papers each on average, %.1f of them For"
              + " you's%n",
          setup.users(),
          setup.searches(),
          setup.follows(),
          setup.saved(),
          libraryPapers,
          since,
          cutoff,
          perUser.p50(),
          perUser.p90(),
          perUser.max(),
          setup.warmup(),
          setup.users(),
          total.toMillis() / 1000.0,
          mails,
          meanPapers,
          meanForYou);
    }
  }

  private static final String PASSWORD = "bench-digest-password";

  private final Lectern lectern;
  private final Consumer<String> log;

  public DigestBenchmark(Lectern lectern, Consumer<String> log) {
    this.lectern = lectern;
    this.log = log;
  }

  public Report run(Setup setup) {
    Digests digests = lectern.digests(lectern.search(false));
    LocalDate cutoff = setup.cutoff() != null ? setup.cutoff() : digests.composer().latestDay();
    if (cutoff == null)
      throw new IllegalStateException("the library is empty: import papers first");
    LocalDate since = cutoff.minusDays(7);
    List<Recipient> users = users(digests, setup);
    for (Recipient r : users.subList(0, setup.warmup())) compose(digests, r, since, cutoff);
    List<Recipient> timed = users.subList(setup.warmup(), users.size());
    long[] nanos = new long[timed.size()];
    List<String> names = new ArrayList<>();
    int mails = 0;
    long papers = 0;
    long forYou = 0;
    long start = System.nanoTime();
    for (int i = 0; i < timed.size(); i++) {
      long t = System.nanoTime();
      Digest d = compose(digests, timed.get(i), since, cutoff);
      nanos[i] = System.nanoTime() - t;
      names.add(timed.get(i).name());
      if (d.isEmpty()) continue;
      mails++;
      papers += d.items().size();
      forYou += d.items().stream().filter(Digest::onlyRecommended).count();
    }
    Duration total = Duration.ofNanos(System.nanoTime() - start);
    return new Report(
        setup,
        lectern.library().count(),
        since,
        cutoff,
        LatencyStats.of("digest", nanos, names),
        total,
        mails,
        mails == 0 ? 0 : (double) papers / mails,
        mails == 0 ? 0 : (double) forYou / mails);
  }

  /** The user's digest, and its mail rendered, as a run composes them. */
  private static Digest compose(Digests digests, Recipient r, LocalDate since, LocalDate cutoff) {
    Digest d = digests.composer().compose(r, since, cutoff);
    if (!d.isEmpty()) digests.mail().compose(d, digests.tokens().unsubscribe(r.id()));
    return d;
  }

  /**
   * The benchmark's users, made with their searches, follows and saves the first time; a reused
   * scratch library has them already.
   */
  private List<Recipient> users(Digests digests, Setup setup) {
    int count = setup.warmup() + setup.users();
    Users accounts = lectern.accounts().users();
    PaperMarks marks = new PaperMarks(lectern.library(), Clock.systemUTC());
    Random random = new Random(setup.seed());
    List<Recipient> out = new ArrayList<>();
    long made = 0;
    for (int i = 0; i < count; i++) {
      String name = "bench-" + setup.seed() + "-" + i;
      if (accounts.byName(name).isEmpty()) {
        make(digests, accounts, marks, name, setup, random.nextLong());
        made++;
      }
      out.add(digests.users().byName(name).orElseThrow());
    }
    if (made > 0) log.accept(made + " users made, with their searches, follows and saves");
    return out;
  }

  private void make(
      Digests digests, Users accounts, PaperMarks marks, String name, Setup setup, long seed) {
    long id = accounts.create(name, PASSWORD, false).id();
    accounts.updateProfile(id, name + "@example.org", "UTC");
    digests.users().update(id, Frequency.WEEKLY, 7, DayOfWeek.MONDAY, Instant.EPOCH);
    Subscriptions subscriptions = digests.subscriptions();
    for (String q : BenchQueries.fromTitles(lectern.library(), setup.searches(), seed)) {
      SavedQuery query = SavedQuery.parse("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      subscriptions.add(id, Kind.SEARCH, query.canonical(), query.defaultName());
    }
    List<String> ids = BenchQueries.drawPaperIds(lectern.library(), setup.follows(), seed + 1);
    List<Paper> followed = lectern.library().getAll(ids);
    for (int f = 0; f < followed.size(); f++) {
      Paper p = followed.get(f);
      if (f % 2 == 0 && !p.authors().isEmpty())
        subscriptions.add(id, Kind.AUTHOR, p.authors().getFirst(), p.authors().getFirst());
      else if (!p.categories().isEmpty())
        subscriptions.add(id, Kind.CATEGORY, p.categories().getFirst(), p.categories().getFirst());
    }
    for (String paper : BenchQueries.drawPaperIds(lectern.library(), setup.saved(), seed + 2))
      marks.set(id, paper, Mark.SAVED, true);
  }
}
