package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** When the daily harvest runs: 20:30 New York time, Sunday to Thursday, by default. */
class DailyScheduleTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final DailySchedule arxiv = DailySchedule.parse("20:30", "America/New_York", "sun-thu");

  private static Instant ny(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
  }

  @Test
  void theNextRunIsThatEveningOrTheNextScheduledOne() {
    assertThat(arxiv.next(ny("2024-03-05T09:00"))).isEqualTo(ny("2024-03-05T20:30"));
    assertThat(arxiv.next(ny("2024-03-05T20:30")))
        .as("strictly after")
        .isEqualTo(ny("2024-03-06T20:30"));
    assertThat(arxiv.next(ny("2024-03-05T21:00"))).isEqualTo(ny("2024-03-06T20:30"));
  }

  @Test
  void afterThursdaysRunTheNextIsSundays() {
    Instant thursdayNight = ny("2024-02-29T20:45");
    assertThat(arxiv.next(thursdayNight)).isEqualTo(ny("2024-03-03T20:30"));
    assertThat(arxiv.next(ny("2024-03-01T20:30"))).as("Friday").isEqualTo(ny("2024-03-03T20:30"));
    assertThat(arxiv.previous(ny("2024-03-02T12:00")))
        .as("on Saturday the last run was Thursday's")
        .isEqualTo(ny("2024-02-29T20:30"));
  }

  @Test
  void theRunKeepsToNewYorkTimeAcrossDaylightSavingChanges() {
    // clocks go forward on Sunday 10 March 2024 and back on Sunday 3 November 2024
    Instant thursday = ny("2024-03-07T21:00");
    assertThat(arxiv.next(thursday))
        .isEqualTo(Instant.parse("2024-03-11T00:30:00Z"))
        .as("20:30 EDT, UTC-4; the Thursday before was 01:30 UTC")
        .isEqualTo(ny("2024-03-10T20:30"));
    assertThat(arxiv.previous(thursday)).isEqualTo(Instant.parse("2024-03-08T01:30:00Z"));
    assertThat(arxiv.next(ny("2024-11-01T12:00"))).isEqualTo(Instant.parse("2024-11-04T01:30:00Z"));
  }

  @Test
  void aTimeTheClocksSkipRunsAsLongAfterTheJump() {
    DailySchedule early =
        new DailySchedule(LocalTime.of(2, 30), NEW_YORK, EnumSet.allOf(DayOfWeek.class));
    // 02:30 does not exist on 10 March 2024: it runs at 03:30 EDT, which is 07:30 UTC
    assertThat(early.next(ny("2024-03-10T00:00"))).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
    // 01:30 happens twice on 3 November 2024: the first, in EDT
    DailySchedule twice =
        new DailySchedule(LocalTime.of(1, 30), NEW_YORK, EnumSet.allOf(DayOfWeek.class));
    assertThat(twice.next(ny("2024-11-03T00:00"))).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
    assertThat(twice.next(Instant.parse("2024-11-03T05:30:00Z")))
        .as("not again an hour later")
        .isEqualTo(Instant.parse("2024-11-04T06:30:00Z"));
  }

  @Test
  void aRunThatFellDueWhileStoppedIsOwedAtOnce() {
    Instant lastRun = ny("2024-03-04T20:31"); // Monday's harvest
    Instant restart = ny("2024-03-06T10:00"); // stopped over Tuesday's
    assertThat(arxiv.due(lastRun, restart)).isEqualTo(restart);
    Instant tuesdays = ny("2024-03-05T20:31");
    assertThat(arxiv.due(tuesdays, restart)).as("nothing missed").isEqualTo(ny("2024-03-06T20:30"));
    assertThat(arxiv.due(null, restart))
        .as("never run: nothing owed")
        .isEqualTo(ny("2024-03-06T20:30"));
    Instant fridayRestart = ny("2024-03-08T10:00");
    assertThat(arxiv.due(ny("2024-03-07T20:35"), fridayRestart))
        .as("Thursday's ran; Friday and Saturday have none")
        .isEqualTo(ny("2024-03-10T20:30"));
  }

  @Test
  void daysAreReadAsRangesListsOrEveryDay() {
    assertThat(DailySchedule.parseDays("sun-thu"))
        .containsExactlyInAnyOrder(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY);
    assertThat(DailySchedule.parseDays("Fri - Mon"))
        .containsExactlyInAnyOrder(
            DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(DailySchedule.parseDays("monday, wed,fri"))
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    assertThat(DailySchedule.parseDays("daily")).hasSize(7);
    assertThat(arxiv.toString()).isEqualTo("20:30 America/New_York, Sunday to Thursday");
    assertThat(DailySchedule.daysLabel(DailySchedule.parseDays("mon,tue,thu")))
        .isEqualTo("Monday, Tuesday and Thursday");
    assertThat(DailySchedule.daysLabel(DailySchedule.parseDays("fri-mon,wed")))
        .isEqualTo("Wednesday and Friday to Monday");
  }

  @Test
  void malformedSettingsSayWhatTheyExpect() {
    assertThatThrownBy(() -> DailySchedule.parseDays("weekdays")).hasMessageContaining("sun-thu");
    assertThatThrownBy(() -> DailySchedule.parseDays("mo")).hasMessageContaining("mon,wed,fri");
    assertThatThrownBy(() -> DailySchedule.parseTime("8pm")).hasMessageContaining("like 20:30");
    assertThatThrownBy(() -> DailySchedule.parseZone("Eastern"))
        .hasMessageContaining("America/New_York");
  }
}
