package dev.lectern.search.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Latency percentiles of one measured series, in milliseconds, and its slowest runs ("12.3 ms:
 * query"), slowest first, where the runs were labelled: the tail is a handful of runs, worth
 * knowing by name.
 */
public record LatencyStats(
    String label,
    int runs,
    double p50,
    double p90,
    double p99,
    double max,
    double mean,
    List<String> slowest) {
  static final int SLOWEST = 3;

  /**
   * Summarizes durations in nanoseconds (nearest-rank percentiles: p99 of 200 runs is the 198th).
   */
  public static LatencyStats of(String label, long[] nanos) {
    return of(label, nanos, null);
  }

  /** The same, naming the slowest runs by {@code runLabels} (the i-th label is the i-th run's). */
  public static LatencyStats of(String label, long[] nanos, List<String> runLabels) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    List<String> slowest =
        runLabels == null
            ? List.of()
            : IntStream.range(0, nanos.length)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed())
                .limit(SLOWEST)
                .map(
                    i ->
                        String.format(Locale.ROOT, "%.1f ms: %s", nanos[i] / 1e6, runLabels.get(i)))
                .toList();
    return new LatencyStats(
        label,
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 90),
        rank(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        mean,
        slowest);
  }

  private static double rank(long[] sorted, int percentile) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.clamp(i, 0, sorted.length - 1)] / 1e6;
  }
}
