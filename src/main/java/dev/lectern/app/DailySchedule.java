package dev.lectern.app;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A time of day in a time zone on some days of the week, such as 20:30 America/New_York, Sunday to
 * Thursday: when the daily harvest runs. Pure arithmetic on instants, so that tests can put any
 * moment in. On a day whose clocks jump over the time (a spring-forward gap) the run is at the same
 * distance after the jump; on a day that passes the time twice it runs at the first.
 */
public record DailySchedule(LocalTime time, ZoneId zone, Set<DayOfWeek> days) {
  public DailySchedule {
    if (days.isEmpty()) throw new IllegalArgumentException("a schedule needs at least one day");
    days = Set.copyOf(days);
  }

  /** The first run strictly after {@code after}. */
  public Instant next(Instant after) {
    LocalDate day = after.atZone(zone).toLocalDate().minusDays(1); // a gap may shift a run forward
    for (int i = 0; i <= 8; i++, day = day.plusDays(1)) {
      Instant at = runOn(day);
      if (at != null && at.isAfter(after)) return at;
    }
    throw new IllegalStateException("no run within 8 days of " + after); // days is never empty
  }

  /** The last run at or before {@code atOrBefore}. */
  public Instant previous(Instant atOrBefore) {
    LocalDate day = atOrBefore.atZone(zone).toLocalDate().plusDays(1);
    for (int i = 0; i <= 8; i++, day = day.minusDays(1)) {
      Instant at = runOn(day);
      if (at != null && !at.isAfter(atOrBefore)) return at;
    }
    throw new IllegalStateException("no run within 8 days before " + atOrBefore);
  }

  /**
   * When to run next, at {@code now}: at once when a run fell due after {@code lastRun} (Lectern
   * was stopped over it, say), otherwise at the next run. With no run ever ({@code lastRun} null)
   * nothing is owed: the next run.
   */
  public Instant due(Instant lastRun, Instant now) {
    if (lastRun != null && lastRun.isBefore(previous(now))) return now;
    return next(now);
  }

  private Instant runOn(LocalDate day) {
    if (!days.contains(day.getDayOfWeek())) return null;
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  /** For people: {@code 20:30 America/New_York, Sunday to Thursday}. */
  @Override
  public String toString() {
    return time + " " + zone.getId() + ", " + daysLabel(days);
  }

  /**
   * Reads the settings' form: a time {@code HH:MM}, a zone id, and days as names or three-letter
   * abbreviations, single or as ranges, separated by commas ({@code sun-thu}, {@code mon,wed,fri},
   * {@code fri-mon}), or {@code daily}.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public static DailySchedule parse(String time, String zone, String days) {
    return new DailySchedule(parseTime(time), parseZone(zone), parseDays(days));
  }

  static LocalTime parseTime(String time) {
    try {
      return LocalTime.parse(time.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + time + "' is not a time of day like 20:30", e);
    }
  }

  static ZoneId parseZone(String zone) {
    try {
      return ZoneId.of(zone.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + zone + "' is not a time zone like America/New_York, Europe/Berlin or UTC", e);
    }
  }

  static Set<DayOfWeek> parseDays(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("daily") || s.equals("every day")) return EnumSet.allOf(DayOfWeek.class);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : s.split("\\s*,\\s*")) {
      String[] ends = part.split("\\s*-\\s*", -1);
      if (ends.length > 2 || part.isBlank()) throw badDays(text);
      DayOfWeek first = day(ends[0], text);
      DayOfWeek last = ends.length == 2 ? day(ends[1], text) : first;
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) break;
      }
    }
    return days;
  }

  private static DayOfWeek day(String name, String text) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (name.length() >= 3 && full.startsWith(name)) return d;
    }
    throw badDays(text);
  }

  private static IllegalArgumentException badDays(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a list of days like sun-thu, mon,wed,fri or daily");
  }

  /** Runs of days as ranges: {@code Sunday to Thursday}, {@code Monday, Wednesday and Friday}. */
  static String daysLabel(Set<DayOfWeek> days) {
    if (days.size() == 7) return "every day";
    // start a run of days after a day that is not in the set, so a range over Sunday stays whole
    DayOfWeek start = DayOfWeek.MONDAY;
    while (!days.contains(start) || days.contains(start.minus(1))) start = start.plus(1);
    List<String> runs = new ArrayList<>();
    DayOfWeek first = null;
    DayOfWeek last = null;
    for (int i = 0; i < 7; i++) {
      DayOfWeek d = start.plus(i);
      if (days.contains(d)) {
        if (first == null) first = d;
        last = d;
      } else if (first != null) {
        runs.addAll(range(first, last));
        first = null;
      }
    }
    if (first != null) runs.addAll(range(first, last));
    if (runs.size() == 1) return runs.getFirst();
    return String.join(", ", runs.subList(0, runs.size() - 1)) + " and " + runs.getLast();
  }

  /** A run of days: one or two named, three or more as a range. */
  private static List<String> range(DayOfWeek first, DayOfWeek last) {
    if (first == last) return List.of(name(first));
    if (first.plus(1) == last) return List.of(name(first), name(last));
    return List.of(name(first) + " to " + name(last));
  }

  private static String name(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
