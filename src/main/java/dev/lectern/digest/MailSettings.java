package dev.lectern.digest;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the SMTP server that sends digests.
 *
 * @param host empty when none is set: digests are then only shown ({@code --dry-run}), never sent
 * @param user empty for a server that takes mail without signing in
 * @param from the sender, e.g. {@code Lectern <lectern@example.org>}
 * @param baseUrl where the mails' links point
 * @param pause between two mails of a run, to be gentle with the server
 */
public record MailSettings(
    String host,
    int port,
    String user,
    String password,
    String from,
    Security security,
    String baseUrl,
    Duration pause) {

  /** How the connection is protected. */
  public enum Security {
    /** Plain SMTP: a server on this machine or a test. */
    NONE,
    /** Plain, upgraded with STARTTLS (required: never sends the password in the clear). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL;

    public static Security of(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "mail.security must be none, starttls or ssl, not '" + s + "'", e);
      }
    }
  }

  public boolean canSend() {
    return !host.isBlank();
  }
}
