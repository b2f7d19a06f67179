package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.EmbeddedSamplePages;
import dev.lectern.testing.LibraryContent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern eval-recs} end to end over a library of the sample pages embedded by the real
 * model: the evaluation borrows that library's vectors, runs every method and leaves it as it was.
 */
class CliEvalRecsTest {
  static final String[] METHODS = {
    "random",
    "popularity",
    "arxiv-sanity-lite",
    "zotero-arxiv-daily",
    "logistic-regression",
    "lectern"
  };

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void embeddedSampleLibrary() {
    data = dir.resolve("data");
    EmbeddedSamplePages.copyTo(data);
  }

  @Test
  void everyMethodOnTheSamplePagesWithTheLibrarysVectors() throws Exception {
    String before = state();
    Cli r = Cli.run(data, "eval-recs", "--users", "30", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("233 copied from your library, 0 to embed");
    JsonNode topics = new ObjectMapper().readTree(r.out()).get("topics");
    assertThat(topics.get("papers").asInt()).isEqualTo(233);
    assertThat(topics.get("groups").size()).isEqualTo(3);
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : topics.get("rows")) {
      rows.put(row.get("method").asText() + "@" + row.get("k").asInt(), row);
      for (String metric : new String[] {"ndcg", "precision", "mrr"})
        assertThat(row.get(metric).asDouble()).isBetween(0.0, 1.0);
      assertThat(row.get("users").asInt()).isEqualTo(90); // 30 per page
    }
    assertThat(rows).hasSize(3 * METHODS.length);
    for (int k : new int[] {1, 3, 10}) {
      for (String m : METHODS) assertThat(rows).containsKey(m + "@" + k);
      // saved papers say something: Lectern well above chance at every k
      assertThat(ndcg(rows, "lectern", k)).isGreaterThan(ndcg(rows, "random", k) + 0.15);
    }
    // and more saved papers help it
    assertThat(ndcg(rows, "lectern", 10)).isGreaterThan(ndcg(rows, "lectern", 1));
    assertThat(state()).isEqualTo(before);
  }

  private static double ndcg(Map<String, JsonNode> rows, String method, int k) {
    return rows.get(method + "@" + k).get("ndcg").asDouble();
  }

  @Test
  void theTableNamesEveryMethodForEachK() {
    Cli r = Cli.run(data, "eval-recs", "--users", "2", "--k", "1,3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("k = 1 (6 users)", "k = 3 (6 users)", "nDCG@10", "P@10", "MRR");
    for (String m : METHODS) assertThat(r.out()).contains("  " + m + " ");
  }

  @Test
  void theCeilingIsLabelledAndFarAboveLecternAndTheMethodsArePairedWithIt() throws Exception {
    Cli r = Cli.run(data, "eval-recs", "--users", "5", "--k", "3", "--ceiling", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode topics = new ObjectMapper().readTree(r.out()).get("topics");
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : topics.get("rows")) rows.put(row.get("method").asText(), row);
    assertThat(rows.get("lectern").get("paired").isNull()).isTrue();
    assertThat(rows.get("random").get("paired").get("ndcg").get("mean").asDouble()).isNegative();
    JsonNode ceiling = rows.get("ceiling: embeddings LR");
    // knowing every other paper's page tells the pages apart far better than 3 saved papers do
    assertThat(ceiling.get("ndcg").asDouble())
        .isGreaterThan(rows.get("lectern").get("ndcg").asDouble() + 0.1);
    assertThat(topics.get("ceilingsByGroup").get("ceiling: embeddings LR").size()).isEqualTo(3);
  }

  @Test
  void dismissalsGiveEveryMethodsDayTwoWithoutAndWithThemPairedAsDocumented() throws Exception {
    String before = state();
    Cli r = Cli.run(data, "eval-recs", "--users", "2", "--k", "3", "--dismissals", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode dismissals = new ObjectMapper().readTree(r.out()).get("topics").get("dismissals");
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : dismissals.get("rows")) rows.put(row.get("method").asText(), row);
    assertThat(rows).hasSize(2 * METHODS.length);
    for (String m : METHODS) {
      JsonNode without = rows.get(m), with = rows.get(m + " + dismissals");
      assertThat(with.get("users").asInt()).isEqualTo(6);
      assertThat(with.get("paired").get("against").asText()).isEqualTo(m);
      if (!m.equals("lectern")) {
        // only Lectern reads dismissals: the baselines rank alike with and without them
        assertThat(with.get("ndcg").asDouble()).isEqualTo(without.get("ndcg").asDouble());
        assertThat(without.get("paired").get("against").asText()).isEqualTo("lectern + dismissals");
      }
      // a user dismisses day 1's shown papers off their page: between none and all 10
      assertThat(dismissals.get("dismissed").get("3").get(m).asDouble()).isBetween(0.0, 10.0);
    }
    Cli text = Cli.run(data, "eval-recs", "--users", "1", "--k", "1", "--dismissals");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("day 2 after \"Not interested\"", "without dismissals", "with - without");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aKeptScratchLibraryIsReusedAndAnotherDirectoryRefused() throws Exception {
    Path scratch = dir.resolve("scratch");
    Cli first =
        Cli.run(data, "eval-recs", "--users", "1", "--k", "1", "--scratch", scratch.toString());
    assertThat(first.code()).as(first.err()).isZero();
    Cli again =
        Cli.run(data, "eval-recs", "--users", "1", "--k", "1", "--scratch", scratch.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err())
        .contains("reusing the scratch library", "233 of 233 papers already here, 0 copied");
    Path other = java.nio.file.Files.createDirectories(dir.resolve("other"));
    java.nio.file.Files.writeString(other.resolve("notes.txt"), "mine");
    Cli refused = Cli.run(data, "eval-recs", "--scratch", other.toString());
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).contains("neither empty nor a scratch library");
  }

  @Test
  void aMissingPageOrABadOptionIsAClearError() {
    Cli missing = Cli.run(data, "eval-recs", "--pages", dir.resolve("nope.txt").toString());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("cannot read", "nope.txt").doesNotContain("\tat ");
    Cli badK = Cli.run(data, "eval-recs", "--k", "0");
    assertThat(badK.code()).isNotZero();
    assertThat(badK.err()).contains("--k");
  }

  private static String state() throws Exception {
    var library = new PaperLibrary(Database.openEmbedded(data));
    return LibraryContent.digest(library) + " " + LibraryContent.embeddingsDigest(library);
  }
}
