package dev.lectern.cli;

import dev.lectern.app.Lectern;
import dev.lectern.digest.DigestRun;
import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.digest.Digests;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "digest",
    description = {
      "Send the email digests that are due now.",
      "For cron: lectern serve sends them by itself. Each user's digest comes daily or weekly at "
          + "their hour (set on /subscriptions); a period without new papers sends nothing, and "
          + "none is sent twice. Needs mail.host; --dry-run shows the digests without sending or "
          + "recording anything."
    })
final class DigestCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--dry-run",
      description = "Print the text of each digest as it would be now; send and record nothing.")
  boolean dryRun;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Only this user's digest (with --dry-run).")
  String user;

  @Override
  public Integer call() {
    Lectern lectern = main.lectern();
    // by words only: no model to load, and it works beside a running serve (see Lectern.search)
    Digests digests = lectern.digests(lectern.search(false));
    PrintWriter out = main.spec().commandLine().getOut();
    if (dryRun) return preview(digests, out);
    if (!digests.settings().canSend())
      throw new IllegalArgumentException(
          "no mail server is set: set mail.host (and mail.port, mail.user, mail.password) in "
              + "lectern.conf or LECTERN_MAIL_HOST, or use --dry-run to see the digests");
    if (user != null) throw new IllegalArgumentException("--user goes with --dry-run only");
    AtomicBoolean stop = new AtomicBoolean();
    try (StopSignals signals = StopSignals.onStop(() -> stop.set(true))) {
      DigestRun.Report r = digests.run().run(Instant.now(), stop::get);
      out.printf(
          "digests: %d composed, %d with nothing new, %d sent, %d failed%n",
          r.composed(), r.empty(), r.sent(), r.failed());
      for (String p : r.problems()) out.println("not sent (tried again later): " + p);
      out.flush();
      return r.failed() > 0 ? 1 : 0;
    }
  }

  private int preview(Digests digests, PrintWriter out) {
    List<Recipient> who =
        user == null
            ? digests.users().subscribed()
            : List.of(
                digests
                    .users()
                    .byName(user)
                    .orElseThrow(
                        () -> new IllegalArgumentException("no user named '" + user + "'")));
    if (who.isEmpty()) out.println("no user gets digests (turn them on at /subscriptions)");
    for (DigestRun.Preview p : digests.run().preview(who)) {
      Recipient r = p.user();
      String to = r.email() == null ? "(no email address: nothing can be sent)" : r.email();
      out.println("== " + r.name() + " <" + to + ">, " + r.settings().frequency().key());
      if (p.mail() == null) {
        out.println(p.note());
      } else {
        out.println("Subject: " + p.mail().subject());
        out.println();
        out.print(p.mail().text());
      }
      out.println();
    }
    out.flush();
    return 0;
  }
}
