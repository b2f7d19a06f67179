package dev.lectern.search.bench;

import java.util.Arrays;

/** Latency percentiles of one measured series, in milliseconds. */
public record LatencyStats(String label, int runs, double p50, double p90, double p99, double max, double mean) {

  /** Summarizes durations in nanoseconds (nearest-rank percentiles: p99 of 200 runs is the 198th). */
  public static LatencyStats of(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new LatencyStats(label, sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, mean);
  }

  private static double rank(long[] sorted, int percentile) {
    if (sorted.length == 0) return 0;
    int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.clamp(i, 0, sorted.length - 1)] / 1e6;
  }
}
