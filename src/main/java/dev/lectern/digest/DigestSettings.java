package dev.lectern.digest;

import dev.lectern.app.DailySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When a user's digest comes: never, daily or weekly, at an hour of their time zone.
 *
 * @param weekday the day of a weekly digest
 * @param enabledAt when the digest was last switched on; a period before it owes nothing (so
 *     switching on at 9 does not send at once the digest that was due at 7)
 * @param feedGeneration part of the feed link's token; regenerating the link counts it up
 */
public record DigestSettings(
    Frequency frequency, int hour, DayOfWeek weekday, Instant enabledAt, int feedGeneration) {
  public static final DigestSettings DEFAULT =
      new DigestSettings(Frequency.OFF, 7, DayOfWeek.MONDAY, null, 0);

  public enum Frequency {
    OFF,
    DAILY,
    WEEKLY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency a form or column names, null for none. */
    public static Frequency of(String key) {
      for (Frequency f : values()) if (f.key().equals(key)) return f;
      return null;
    }
  }

  public DigestSettings {
    if (hour < 0 || hour > 23)
      throw new InvalidInput("the hour is a whole number from 0 to 23, not " + hour);
  }

  /** The times a digest is due in this zone; null when off. */
  public DailySchedule schedule(ZoneId zone) {
    Set<DayOfWeek> days =
        frequency == Frequency.WEEKLY ? EnumSet.of(weekday) : EnumSet.allOf(DayOfWeek.class);
    return frequency == Frequency.OFF ? null : new DailySchedule(LocalTime.of(hour, 0), zone, days);
  }

  /** The first digest's reach back: the days of one period. */
  public int periodDays() {
    return frequency == Frequency.WEEKLY ? 7 : 1;
  }
}
