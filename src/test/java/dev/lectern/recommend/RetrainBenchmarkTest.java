package dev.lectern.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark trains what it says it does (its timings are not checked here). */
class RetrainBenchmarkTest {
  @Test
  void aUserWithCollectionsTrainsOneModelEachAndOneOverAll() {
    var setup = new RetrainBenchmark.Setup(2_000, 100, 4, 10, 3, 1, 7);
    var result = RetrainBenchmark.run(setup, Recommender.Options.defaults());
    assertThat(result.interests()).isEqualTo(5);
    assertThat(result.millis()).hasSize(3);
    assertThat(result.percentile(0.5)).isPositive();
    // everything: 100 saved + 10 dismissed + 200 sampled; each collection: 25 + 10 + 200
    assertThat(result.rows()).isEqualTo(310 + 4 * 235);
    assertThat(result.text()).contains("100 saved papers, 4 collections (5 interests", "median");
  }
}
