package dev.lectern.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final LoginLimiter limiter = new LoginLimiter(clock);

  @Test
  void aNameMayFailFiveTimesThenWaitsLongerAfterEachFailure() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.wait("ada", "10.0.0.1")).isZero();
      limiter.failed("ada", "10.0.0.1");
    }
    assertThat(limiter.wait("ada", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    assertThat(limiter.wait("ADA ", "10.0.0.2")).as("any case, any address").hasSeconds(2);
    assertThat(limiter.wait("grace", "10.0.0.1")).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.wait("ada", "10.0.0.1")).isZero();
    limiter.failed("ada", "10.0.0.1");
    assertThat(limiter.wait("ada", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void theDelayDoublesUpToFifteenMinutes() {
    assertThat(LoginLimiter.delay(0)).hasSeconds(2);
    assertThat(LoginLimiter.delay(3)).hasSeconds(16);
    assertThat(LoginLimiter.delay(9)).isEqualTo(Duration.ofMinutes(15));
    assertThat(LoginLimiter.delay(63)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void oneAddressTryingManyNamesIsSlowedDownToo() {
    for (int i = 0; i < 20; i++) limiter.failed("name" + i, "10.0.0.9");
    assertThat(limiter.wait("someone-else", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
    assertThat(limiter.wait("someone-else", "10.0.0.8")).isZero();
  }

  @Test
  void aRightPasswordClearsTheNameButNotTheAddress() {
    for (int i = 0; i < 20; i++) limiter.failed("ada", "10.0.0.1");
    limiter.succeeded("ada");
    assertThat(limiter.wait("ada", "10.0.0.2")).isZero();
    assertThat(limiter.wait("ada", "10.0.0.1")).isPositive();
  }

  @Test
  void anHourWithoutFailuresStartsAfresh() {
    for (int i = 0; i < 8; i++) limiter.failed("ada", "10.0.0.1");
    clock.advance(Duration.ofHours(1));
    assertThat(limiter.wait("ada", "10.0.0.1")).isZero();
    limiter.failed("ada", "10.0.0.1");
    assertThat(limiter.wait("ada", "10.0.0.1")).isZero();
  }
}
