package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search from the command line, lexically (no model needed), over papers imported by the CLI
 * itself.
 */
class CliSearchTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    Cli r = Cli.run(dir.resolve("data"), args);
    return new String[] {Integer.toString(r.code()), r.out(), r.err()};
  }

  @BeforeEach
  void importSample() throws Exception {
    String sample =
        Path.of(getClass().getResource("/arxiv/snapshot-sample.jsonl").toURI()).toString();
    String[] r = run("import", "arxiv-snapshot", sample);
    assertThat(r[1]).as("the import brings the index up to date").contains("index: 3 papers");
  }

  @Test
  void aPaperIsFoundByItsWordsRightAfterImport() {
    String[] r = run("search", "--mode", "lexical", "diphoton", "production");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("1 results (lexical")
        .contains("[0704.0001]")
        .contains("Calculation of prompt diphoton production cross sections");
  }

  @Test
  void jsonOutputCarriesHitsAndFacets() throws Exception {
    String[] r = run("search", "--mode", "lexical", "--json", "cat:hep-th");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.get("total").asInt()).isEqualTo(1);
    assertThat(json.get("hits").get(0).get("id").asText()).isEqualTo("hep-th/9901001");
    assertThat(json.get("facets").get("category").toString()).contains("hep-th");
  }

  @Test
  void categoriesMayBeCommaSeparatedAndPagesOutOfRangeAreErrors() {
    String[] both = run("search", "--mode", "lexical", "--cat", "hep-th,hep-ph");
    assertThat(both[0]).as(both[2]).isEqualTo("0");
    assertThat(both[1]).contains("2 results").contains("[hep-th/9901001]").contains("[0704.0001]");
    String[] r = run("search", "--mode", "lexical", "--offset", "1001", "x");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("--offset must be between 0 and 1000, not 1001");
    assertThat(run("search", "--mode", "lexical", "--limit", "0", "x")[2])
        .contains("--limit must be between 1 and 100");
  }

  @Test
  void datesMayBeAMonthOrAYearAndABadOneIsExplained() {
    String[] r = run("search", "--mode", "lexical", "--from", "2024-01", "--to", "2024");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("1 results").contains("[2401.01234]");
    String[] bad = run("search", "--mode", "lexical", "--from", "yesterday");
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2])
        .contains("--from: expects a date like 2024-01-31 (or 2024-01, or 2024), not 'yesterday'")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadOptionValueIsExplainedWithoutAStackTrace() {
    String[] r = run("search", "--mode", "fuzzy", "x");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2])
        .contains("--mode must be one of lexical, semantic, hybrid")
        .doesNotContain("\tat ");
  }

  @Test
  void hostileQueriesGiveResultsOrNothingButNeverAnError() {
    for (String q :
        new String[] {"\"unbalanced", "AND", "author:", "((((", "a\u0000b", "x".repeat(10_000)}) {
      String[] r = run("search", "--mode", "lexical", q);
      assertThat(r[0])
          .as("query %s: %s", q.length() > 20 ? q.substring(0, 20) : q, r[2])
          .isEqualTo("0");
    }
  }

  @Test
  void similarNamesAnUnknownPaper() {
    String[] r = run("similar", "9999.99999");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("no paper with id '9999.99999'");
  }

  @Test
  void evalPrintsOneRowPerModeAskedAndTheSimilarPapersProxy() throws Exception {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "q1\tdiphoton cross sections\n");
    Path qrels =
        Files.writeString(
            dir.resolve("r.tsv"),
            "q1\t2\t1\tCalculation of prompt diphoton production cross sections at Tevatron and LHC energies\n");
    String[] r =
        run(
            "eval",
            "--queries",
            queries.toString(),
            "--qrels",
            qrels.toString(),
            "--mode",
            "lexical");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).containsPattern("lexical\\s+1\\s+1\\.000\\s+1\\.000\\s+1\\.000");
    assertThat(r[1])
        .as("one relevant paper per query: nothing for similar papers to bring up")
        .doesNotContain("similar papers");

    Files.writeString(
        qrels,
        "q1\t1\t2\tAn old-style identifier with $\\alpha$-math\n",
        StandardOpenOption.APPEND);
    r =
        run(
            "eval",
            "--queries",
            queries.toString(),
            "--qrels",
            qrels.toString(),
            "--mode",
            "lexical");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).containsPattern("similar papers: \\d\\.\\d{3} .* over 2 judged papers");
  }

  @Test
  void aQueryStartingWithAnExclusionIsToldToGoAfterDoubleDash() {
    String[] r = run("search", "--mode", "lexical", "-survey", "graph");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .contains("Unknown option: '-survey'")
        .contains(
            "A query that starts with '-' goes after '--', as in: lectern search --mode lexical -- -survey graph")
        .contains("'lectern search --help' shows the usage")
        .doesNotContain("Usage:");
    for (String exclusion :
        new String[] {"-hallucination", "-Vision"}) { // not -h and -V with more after
      String[] r2 = run("search", exclusion, "models");
      assertThat(r2[0]).as(exclusion).isEqualTo("2");
      assertThat(r2[2]).as(exclusion).contains("lectern search -- " + exclusion + " models");
    }
    String[] misspelt = run("search", "--limt", "5", "x");
    assertThat(misspelt[2])
        .contains("Unknown option: '--limt'")
        .contains("--limit")
        .doesNotContain("goes after '--'");
    String[] fixed = run("search", "--mode", "lexical", "--", "-survey", "diphoton");
    assertThat(fixed[0]).as(fixed[2]).isEqualTo("0");
    assertThat(fixed[1]).contains("[0704.0001]");
  }
}
