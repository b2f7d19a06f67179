package dev.lectern.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Moments and spans as the pages say them: {@code in 4 minutes}, {@code 2 hours ago}, {@code
 * 2024-03-15 20:30 EDT} (in this machine's time zone, where Lectern runs).
 */
final class TimeWords {
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

  private TimeWords() {}

  /** {@code 2024-03-15 20:30 EDT}. */
  static String moment(Instant at) {
    return MOMENT.format(at.atZone(ZoneId.systemDefault()));
  }

  /** {@code in 4 minutes}, or {@code now} for a moment already passed. */
  static String until(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    return d.toSeconds() < 1 ? "now" : "in " + span(d);
  }

  /** {@code 4 minutes ago}, or {@code just now}. */
  static String ago(Instant now, Instant at) {
    Duration d = Duration.between(at, now);
    return d.toSeconds() < 1 ? "just now" : span(d) + " ago";
  }

  /** A rounded span: {@code 40 seconds}, {@code 4 minutes}, {@code 2 hours}, {@code 3 days}. */
  static String span(Duration d) {
    long s = Math.max(1, d.toSeconds());
    if (s < 60) return plural(s, "second");
    if (s < 3_600) return plural(Math.round(s / 60.0), "minute");
    if (s < 2 * 86_400) return plural(Math.round(s / 3_600.0), "hour");
    return plural(Math.round(s / 86_400.0), "day");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
