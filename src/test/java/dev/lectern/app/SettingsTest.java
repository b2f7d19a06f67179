package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  @Test
  void everySettingHasADefault() {
    Settings s = Settings.load(null, Map.of(), Map.of());
    assertThat(s.dataDir()).isEqualTo(Path.of("lectern-data"));
    assertThat(s.getDuration(Settings.ARXIV_OAI_DELAY)).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.get(Settings.ARXIV_OAI_URL)).isEqualTo("https://oaipmh.arxiv.org/oai");
    assertThat(s.getInt(Settings.SERVER_PORT)).isEqualTo(8080);
    assertThat(s.get(Settings.SERVER_HOST)).as("this machine only").isEqualTo("127.0.0.1");
    assertThat(s.getDuration(Settings.SERVER_FOLLOW_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.getBoolean(Settings.SERVER_PRELOAD_INDEX)).isTrue();
  }

  @Test
  void fileThenEnvironmentThenFlagsEachOverrideTheOneBefore() throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("lectern.conf"),
            "data-dir = /from/file\nharvest.arxiv.delay = 10s\nimport.batch-size = 100\n");
    Settings fileOnly = Settings.load(conf, Map.of(), Map.of());
    assertThat(fileOnly.dataDir()).isEqualTo(Path.of("/from/file"));
    assertThat(fileOnly.getInt(Settings.IMPORT_BATCH_SIZE)).isEqualTo(100);

    Map<String, String> env =
        Map.of("LECTERN_DATA_DIR", "/from/env", "LECTERN_HARVEST_ARXIV_DELAY", "5s");
    Settings withEnv = Settings.load(conf, env, Map.of());
    assertThat(withEnv.dataDir()).isEqualTo(Path.of("/from/env"));
    assertThat(withEnv.getDuration(Settings.ARXIV_OAI_DELAY)).isEqualTo(Duration.ofSeconds(5));

    Settings withFlag = Settings.load(conf, env, Map.of(Settings.DATA_DIR, "/from/flag"));
    assertThat(withFlag.dataDir()).isEqualTo(Path.of("/from/flag"));
  }

  @Test
  void aYesOrNoSettingReadsTheUsualSpellingsAndRejectsOthersSayingWhich() {
    assertThat(
            Settings.load(null, Map.of("LECTERN_SERVER_PRELOAD_INDEX", "no"), Map.of())
                .getBoolean(Settings.SERVER_PRELOAD_INDEX))
        .isFalse();
    assertThat(
            Settings.load(null, Map.of("LECTERN_SERVER_PRELOAD_INDEX", "TRUE"), Map.of())
                .getBoolean(Settings.SERVER_PRELOAD_INDEX))
        .isTrue();
    Settings bad = Settings.load(null, Map.of("LECTERN_SERVER_PRELOAD_INDEX", "maybe"), Map.of());
    assertThatThrownBy(() -> bad.getBoolean(Settings.SERVER_PRELOAD_INDEX))
        .hasMessageContaining("server.preload-index")
        .hasMessageContaining("maybe");
  }

  @Test
  void lecternHomeNamesTheDataDirectory() {
    assertThat(Settings.load(null, Map.of("LECTERN_HOME", "/home/lab"), Map.of()).dataDir())
        .isEqualTo(Path.of("/home/lab"));
  }

  @Test
  void aMalformedSettingIsNamedInTheError() throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("bad.conf"), "import.batch-size = lots\nharvest.hf.delay = soon\n");
    Settings s = Settings.load(conf, Map.of(), Map.of());
    assertThatThrownBy(() -> s.getInt(Settings.IMPORT_BATCH_SIZE))
        .hasMessageContaining("import.batch-size")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> s.getDuration(Settings.HF_DELAY))
        .hasMessageContaining("harvest.hf.delay")
        .hasMessageContaining("soon");
  }

  @Test
  void durationsReadTheUsualUnits() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> Durations.parse("a week")).hasMessageContaining("a week");
  }

  @Test
  void aMisspeltKeyIsAnErrorNamingTheFileTheLineAndTheNearestKey() throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("lectern.conf"), "# mine\ndata-dir = /srv\nharvest.arxiv.dealy = 5s\n");
    assertThatThrownBy(() -> Settings.load(conf, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(conf + ":3: unknown setting 'harvest.arxiv.dealy'")
        .hasMessageContaining("did you mean 'harvest.arxiv.delay'?");
  }

  @Test
  void aKeyLikeNoneListsTheKnownKeys() throws Exception {
    Path conf = Files.writeString(dir.resolve("lectern.conf"), "colour: blue\n");
    assertThatThrownBy(() -> Settings.load(conf, Map.of(), Map.of()))
        .hasMessageContaining(":1: unknown setting 'colour'")
        .hasMessageContaining("the settings are ")
        .hasMessageContaining("data-dir")
        .hasMessageContaining("server.port");
  }

  @Test
  void aConfigFileThatCannotBeReadSaysWhy() {
    Path missing = dir.resolve("nope.conf");
    assertThatThrownBy(() -> Settings.load(missing, Map.of(), Map.of()))
        .hasMessage("cannot read the configuration file " + missing + ": no such file");
    assertThatThrownBy(() -> Settings.load(dir, Map.of(), Map.of()))
        .hasMessageEndingWith(": it is a directory, not a file");
  }

  @Test
  void lecternConfigNamingNoFileIsAnError() {
    Path missing = dir.resolve("gone.conf");
    assertThatThrownBy(
            () -> Settings.load(null, Map.of("LECTERN_CONFIG", missing.toString()), Map.of()))
        .hasMessage(
            "cannot read the configuration file "
                + missing
                + " (named by $LECTERN_CONFIG): no such file");
  }
}
