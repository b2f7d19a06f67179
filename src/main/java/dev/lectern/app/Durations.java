package dev.lectern.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human durations as used in settings and flags: {@code 500ms}, {@code 3s}, {@code 10m}, {@code
 * 2h}, {@code 7d}.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h|d|w)?\\s*");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 500ms, 3s, 10m, 2h, 7d");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }
}
