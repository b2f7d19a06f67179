package dev.lectern.app;

import dev.lectern.ingest.harvest.ArxivScope;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.ingest.http.Wait;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a running {@code lectern serve} harvests: what, how far back at first, when daily, from which
 * servers, and the timing of its retries.
 *
 * @param enabled whether serve harvests at all ({@code harvest.enabled}, {@code --no-harvest})
 * @param daily when the daily harvest runs; null when it does not
 * @param firstDays how far back a source never harvested before is fetched
 * @param attempts tries per request before a harvest stops (and is retried later, as a whole)
 */
public record HarvestConfig(
    boolean enabled,
    ArxivScope scope,
    int firstDays,
    DailySchedule daily,
    Server arxiv,
    Server hf,
    int attempts,
    int batchSize,
    Timing timing,
    Clock clock) {
  /** A server to harvest and the pause kept between requests to it. */
  public record Server(URI base, Duration delay) {}

  /**
   * The harvest loop's clockwork.
   *
   * @param tick how often the loop looks whether a harvest is due (the clock decides, not a timer
   *     set hours ahead, so a suspended machine or a changed clock is noticed)
   * @param firstRetry the wait after a harvest that failed, doubled after each further failure
   * @param maxRetry the longest such wait
   */
  public record Timing(Duration tick, Duration firstRetry, Duration maxRetry) {
    public static final Timing DEFAULT =
        new Timing(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofHours(1));

    /** The wait after {@code failures} failed harvests in a row: 1 min, 2, 4, ... up to 1 h. */
    public Duration retryAfter(int failures) {
      Duration d = firstRetry.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 30));
      return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }
  }

  /** The harvest as the settings say. */
  public static HarvestConfig from(Settings settings) {
    int firstDays = settings.getInt(Settings.HARVEST_FIRST_DAYS);
    if (firstDays < 1 || firstDays > 365) {
      throw new ConfigException(
          Settings.HARVEST_FIRST_DAYS + " must be between 1 and 365 days, not " + firstDays);
    }
    return new HarvestConfig(
        settings.getBoolean(Settings.HARVEST_ENABLED),
        parsed(settings, Settings.HARVEST_CATEGORIES, ArxivScope::parse),
        firstDays,
        settings.getBoolean(Settings.HARVEST_DAILY) ? schedule(settings) : null,
        new Server(
            url(settings, Settings.ARXIV_OAI_URL), settings.getDuration(Settings.ARXIV_OAI_DELAY)),
        new Server(url(settings, Settings.HF_BASE_URL), settings.getDuration(Settings.HF_DELAY)),
        settings.getInt(Settings.HTTP_RETRIES),
        settings.getInt(Settings.IMPORT_BATCH_SIZE),
        Timing.DEFAULT,
        Clock.systemUTC());
  }

  public HarvestConfig withClock(Clock clock) {
    return new HarvestConfig(
        enabled, scope, firstDays, daily, arxiv, hf, attempts, batchSize, timing, clock);
  }

  public HarvestConfig withTiming(Timing timing) {
    return new HarvestConfig(
        enabled, scope, firstDays, daily, arxiv, hf, attempts, batchSize, timing, clock);
  }

  /** A polite client for {@code server}, telling {@code onWait} of each wait but the pacing. */
  PoliteHttpClient client(Server server, Consumer<Wait> onWait) {
    return PoliteHttpClient.builder()
        .minDelay(server.delay())
        .maxAttempts(attempts)
        .onWait(
            w -> {
              if (w.reason() != Wait.Reason.PACING) onWait.accept(w);
            })
        .build();
  }

  private static DailySchedule schedule(Settings settings) {
    return new DailySchedule(
        parsed(settings, Settings.HARVEST_DAILY_TIME, DailySchedule::parseTime),
        parsed(settings, Settings.HARVEST_DAILY_ZONE, DailySchedule::parseZone),
        parsed(settings, Settings.HARVEST_DAILY_DAYS, DailySchedule::parseDays));
  }

  private static <T> T parsed(Settings settings, String key, Function<String, T> parse) {
    try {
      return parse.apply(settings.get(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("setting '" + key + "': " + e.getMessage());
    }
  }

  private static URI url(Settings settings, String key) {
    try {
      URI u = URI.create(settings.get(key).strip());
      if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException();
      return u;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "setting '"
              + key
              + "' must be a URL like https://host/path, got '"
              + settings.get(key)
              + "'");
    }
  }
}
