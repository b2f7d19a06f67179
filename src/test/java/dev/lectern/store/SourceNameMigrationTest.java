package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library written when the Daily Papers API source was stored as 'hf-daily' opens with it named
 * hf-api.
 */
class SourceNameMigrationTest {
  @TempDir Path dir;

  @Test
  void hfDailyBecomesHfApiInPapersSourcesRunsAndResumePoints() throws Exception {
    Files.createDirectories(dir);
    String url = "jdbc:sqlite:" + dir.resolve("library.db").toAbsolutePath();
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite")
        .target("2")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String id : new String[] {"2401.00001", "2401.00002"}) {
        s.execute(
            "INSERT INTO papers (id, title, title_key, abstract, authors, categories, versions, sources, "
                + "change_seq, first_seen, last_changed) VALUES ('"
                + id
                + "', 't', 'k"
                + id
                + "', 'a', '[]', '', 0, "
                + (id.endsWith("1") ? "'arxiv-snapshot hf-daily hf-page'" : "'hf-daily'")
                + ", 1, 'x', 'x')");
        s.execute("INSERT INTO paper_sources VALUES ('" + id + "', 'hf-daily', 1)");
      }
      s.execute("INSERT INTO paper_sources VALUES ('2401.00001', 'hf-page', 1)");
      s.execute(
          "INSERT INTO import_runs (source, input, started_at, status) VALUES ('hf-daily', 'f.json', 'x', 'completed')");
      s.execute("INSERT INTO sync_state VALUES ('hf-daily|/data/f.json|10|20', 'item 5', 'x')");
      s.execute(
          "INSERT INTO sync_state VALUES ('harvest:hf-daily:last:https://huggingface.co', '2024-03-13', 'x')");
    }

    PaperLibrary library = new PaperLibrary(Database.openEmbedded(dir));
    assertThat(library.countsBySource())
        .containsOnlyKeys("hf-api", "hf-page")
        .containsEntry("hf-api", 2L);
    assertThat(library.get("2401.00001").orElseThrow().sources())
        .containsExactly("arxiv-snapshot", "hf-api", "hf-page");
    assertThat(library.get("2401.00002").orElseThrow().sources()).containsExactly("hf-api");
    assertThat(library.runs().recent(1).getFirst().source()).isEqualTo("hf-api");
    assertThat(library.state().get("hf-api|/data/f.json|10|20")).contains("item 5");
    assertThat(library.state().get("harvest:hf-daily:last:https://huggingface.co"))
        .as("internal, unchanged")
        .contains("2024-03-13");
  }
}
