package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serve's harvest settings: their defaults, their errors, the retry waits. */
class HarvestConfigTest {
  private static HarvestConfig config(Map<String, String> flags) {
    return HarvestConfig.from(Settings.load(null, Map.of(), flags));
  }

  @Test
  void byDefaultItHarvestsMachineLearningDailyAfterArxivsAnnouncement() {
    HarvestConfig c = config(Map.of());
    assertThat(c.enabled()).isTrue();
    assertThat(c.scope().label()).isEqualTo("cs.LG, cs.CL, cs.CV, cs.AI and stat.ML");
    assertThat(c.scope().sets()).extracting(s -> s.spec()).containsExactly("cs", "stat");
    assertThat(c.firstDays()).isEqualTo(3);
    assertThat(c.daily()).hasToString("20:30 America/New_York, Sunday to Thursday");
    assertThat(c.arxiv().delay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theDailyHarvestCanBeOffAndItsSettingsSayWhatIsWrong() {
    assertThat(config(Map.of(Settings.HARVEST_DAILY, "false")).daily()).isNull();
    assertThatThrownBy(() -> config(Map.of(Settings.HARVEST_DAILY_DAYS, "weekdays")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("harvest.daily.days")
        .hasMessageContaining("sun-thu");
    assertThatThrownBy(() -> config(Map.of(Settings.HARVEST_CATEGORIES, "machine learning!")))
        .hasMessageContaining("harvest.arxiv.categories");
    assertThatThrownBy(() -> config(Map.of(Settings.HARVEST_FIRST_DAYS, "0")))
        .hasMessageContaining("between 1 and 365");
    assertThatThrownBy(() -> config(Map.of(Settings.HF_BASE_URL, "huggingface.co")))
        .hasMessageContaining("harvest.hf.base-url");
  }

  @Test
  void aFailedHarvestIsRetriedAfterAMinuteThenTwiceAsLongUpToAnHour() {
    HarvestConfig.Timing t = HarvestConfig.Timing.DEFAULT;
    assertThat(t.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(t.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(t.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(t.retryAfter(7)).isEqualTo(Duration.ofMinutes(60));
    assertThat(t.retryAfter(8)).isEqualTo(Duration.ofHours(1));
    assertThat(t.retryAfter(1_000)).isEqualTo(Duration.ofHours(1));
  }
}
