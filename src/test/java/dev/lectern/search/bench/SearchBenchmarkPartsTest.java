package dev.lectern.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's pure parts; the benchmark itself is a measurement and is not run by the tests.
 */
class SearchBenchmarkPartsTest {
  private final SyntheticVectors vectors = new SyntheticVectors(384);

  @Test
  void percentilesAreNearestRank() {
    long[] nanos = new long[200];
    for (int i = 0; i < nanos.length; i++)
      nanos[i] = (nanos.length - i) * 1_000_000L; // 200..1 ms, unsorted
    LatencyStats s = LatencyStats.of("x", nanos);
    assertThat(s.p50()).isEqualTo(100.0);
    assertThat(s.p90()).isEqualTo(180.0);
    assertThat(s.p99()).isEqualTo(198.0);
    assertThat(s.max()).isEqualTo(200.0);
    assertThat(s.mean()).isCloseTo(100.5, within(1e-9));
  }

  @Test
  void slowestRunsAreNamedSlowestFirst() {
    long[] nanos = {3_000_000, 9_000_000, 1_000_000, 7_000_000, 5_000_000};
    LatencyStats s = LatencyStats.of("x", nanos, List.of("a", "b", "c", "d", "e"));
    assertThat(s.slowest()).containsExactly("9.0 ms: b", "7.0 ms: d", "5.0 ms: e");
    assertThat(LatencyStats.of("x", nanos).slowest()).isEmpty();
  }

  @Test
  void syntheticVectorsAreDeterministicUnitVectors() {
    float[] a = vectors.of("Graph transformers", "We study attention over graphs.");
    assertThat(a)
        .containsExactly(vectors.of("Graph transformers", "We study attention over graphs."));
    assertThat(dot(a, a)).isCloseTo(1.0, within(1e-5));
    assertThat(vectors.of("", "")).hasSize(384); // never NaN from a zero vector
    assertThat(Float.isNaN(vectors.of("", "")[0])).isFalse();
  }

  @Test
  void papersSharingWordsAreCloserThanUnrelatedOnes() {
    float[] a =
        vectors.of(
            "Diffusion models for image editing",
            "We edit images with a diffusion model guided by text.");
    float[] b =
        vectors.of(
            "Text-guided image editing with diffusion",
            "Diffusion models edit images from text prompts.");
    float[] c =
        vectors.of(
            "Byzantine consensus in sharded ledgers", "We prove liveness of a consensus protocol.");
    assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.3);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
