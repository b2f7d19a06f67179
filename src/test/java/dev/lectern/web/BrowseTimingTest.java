package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.HttpJson;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a check: the server time of Today's day, week and month, the category pages and their API
 * answers, over a library given as {@code -Dlectern.bench.data=DIR} (scripts/bench-browse.sh builds
 * one of 100,000 generated papers), printed as p50 / p99 of round trips over loopback. Without the
 * property it is skipped.
 *
 * <p>{@code {day}} in a target is the day given as {@code -Dlectern.bench.day}; {@code {days}} is
 * one of the 20 days ending there, a different one each time, so that no ranking of a span is
 * reused: what the first visit of a span costs.
 */
class BrowseTimingTest {
  static final int WARMUP = 40, RUNS = 200, DAYS = 20;

  static final List<String> TARGETS =
      List.of(
          "/?day={days}",
          "/?day={days}&span=week",
          "/?day={days}&span=month",
          "/?day={day}&span=month",
          "/?day={day}&span=month&page=2",
          "/?day={days}&span=month&sort=newest",
          "/api/v1/feed?day={days}&span=month&limit=100",
          "/categories/cs.LG",
          "/categories/cs.LG?page=" + ListPages.MAX_PAGE,
          "/categories/cs",
          "/api/v1/categories/cs.LG?limit=100");

  @Test
  void timeBrowsing() {
    String data = System.getProperty("lectern.bench.data");
    assumeTrue(data != null, "timings only on demand (scripts/bench-browse.sh)");
    LocalDate day = LocalDate.parse(System.getProperty("lectern.bench.day", "2024-02-19"));
    Lectern lectern = new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, data)));
    try (WebFixture web = WebFixture.serve(lectern)) {
      HttpJson http = new HttpJson(web.uri());
      for (String target : TARGETS) {
        long[] ns = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
          String path =
              target
                  .replace("{days}", day.minusDays(i % DAYS).toString())
                  .replace("{day}", day.toString());
          long start = System.nanoTime();
          var r = http.get(path);
          long took = System.nanoTime() - start;
          assertThat(r.status()).as(path).isEqualTo(200);
          if (i >= WARMUP) ns[i - WARMUP] = took;
        }
        Arrays.sort(ns);
        System.out.printf(
            Locale.ROOT,
            "%-48s p50 %6.1f ms  p99 %6.1f ms%n",
            target,
            ns[RUNS / 2] / 1e6,
            ns[RUNS * 99 / 100] / 1e6);
      }
    }
  }
}
