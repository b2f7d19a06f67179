package dev.lectern.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrendingTest {
  static final LocalDate DAY = LocalDate.of(2024, 3, 13);

  @Test
  void onOneDayVotesDecideAndNoVotesCountAsNone() {
    assertThat(Trending.score(50, 0, DAY, DAY)).isGreaterThan(Trending.score(5, 0, DAY, DAY));
    assertThat(Trending.score(null, 0, DAY, DAY))
        .isEqualTo(Trending.score(0, 0, DAY, DAY))
        .isEqualTo(1 / Math.pow(2, 1.5));
    assertThat(Trending.score(3, 2, DAY, DAY)).isEqualTo(Trending.score(5, 0, DAY, DAY));
  }

  @Test
  void votesDecayWithAgeSoAPopularPaperGivesWayToNewerOnesWithinDays() {
    double fresh = Trending.score(10, 0, DAY, DAY);
    assertThat(Trending.score(10, 0, DAY.minusDays(1), DAY)).isLessThan(fresh);
    // (40 + 1) / 5^1.5 = 3.67 against (10 + 1) / 2^1.5 = 3.89: four times the votes, three days
    // older, ranks lower
    assertThat(Trending.score(40, 0, DAY.minusDays(3), DAY)).isLessThan(fresh);
    assertThat(Trending.score(40, 0, DAY.minusDays(1), DAY)).isGreaterThan(fresh);
    assertThat(Trending.score(10, 0, DAY.plusDays(2), DAY))
        .as("later than the listing: age 0")
        .isEqualTo(fresh);
  }
}
