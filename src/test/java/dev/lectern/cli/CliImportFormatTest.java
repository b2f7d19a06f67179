package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern import} given the wrong file: every importer on every other format, an HTML page,
 * a PDF, an empty file. Each is refused, saying what the file looks like, exits non-zero and stores
 * nothing of it.
 */
class CliImportFormatTest {
  @TempDir Path dir;
  private Path snapshot, api, apiLines, page, html, pdf, empty;

  private Cli lectern(String... args) {
    return Cli.run(dir.resolve("data"), args);
  }

  @BeforeEach
  void files() throws Exception {
    snapshot = Path.of(getClass().getResource("/arxiv/snapshot-sample.jsonl").toURI());
    api = Path.of(getClass().getResource("/hf/daily-2024-03-13.json").toURI());
    apiLines = dir.resolve("daily.jsonl");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> lines = new ArrayList<>();
    json.readTree(api.toFile()).forEach(item -> lines.add(item.toString()));
    Files.write(apiLines, lines);
    page =
        Files.writeString(
            dir.resolve("page.txt"),
            String.join(
                "\n",
                "Daily Papers",
                "by AK and the research community",
                "Mar 13",
                "",
                "Graph Transformers at Scale",
                "",
                sentences("We study graph transformers"),
                "",
                "Retrieval Heads in Long Contexts",
                "",
                sentences("We find the heads that retrieve facts"),
                ""));
    html =
        Files.writeString(
            dir.resolve("page.html"),
            "<!DOCTYPE html>\n<html><head><title>Daily Papers</title></head>\n<body><p>Graph Transformers</p></body></html>\n");
    pdf =
        Files.write(
            dir.resolve("paper.pdf"),
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    empty = Files.writeString(dir.resolve("empty.json"), "\n");
  }

  private static String sentences(String start) {
    return (start + " and report what we measured on several benchmarks. ").repeat(6).strip();
  }

  private void refused(String format, Path file, String... says) {
    Cli r = lectern("import", format, file.toString());
    assertThat(r.code()).as(format + " " + file.getFileName() + ": " + r.out()).isEqualTo(1);
    assertThat(r.err())
        .as(format + " " + file.getFileName())
        .contains(says)
        .doesNotContain("\tat ");
    Cli stats = lectern("stats");
    assertThat(stats.out())
        .as(format + " " + file.getFileName() + " stores nothing")
        .contains("papers: 0")
        .contains("rejected records: 0");
  }

  @Test
  void eachImporterRefusesTheOtherFormatsSayingWhichImporterReadsThem() {
    refused(
        "arxiv-snapshot",
        api,
        "this looks like a Daily Papers API response (JSON)",
        "try lectern import hf-api");
    refused(
        "arxiv-snapshot",
        apiLines,
        "looks like a Daily Papers API response",
        "try lectern import hf-api");
    refused(
        "arxiv-snapshot",
        page,
        "this looks like the saved text of a Daily Papers page",
        "lectern import hf-page");
    refused(
        "hf-page",
        snapshot,
        "this looks like an arXiv snapshot (JSON lines)",
        "try lectern import arxiv-snapshot");
    refused("hf-page", api, "looks like a Daily Papers API response", "try lectern import hf-api");
    refused(
        "hf-page", apiLines, "looks like a Daily Papers API response", "try lectern import hf-api");
    refused(
        "hf-api",
        snapshot,
        "this looks like an arXiv snapshot (JSON lines)",
        "try lectern import arxiv-snapshot");
    refused(
        "hf-api",
        page,
        "looks like the saved text of a Daily Papers page",
        "try lectern import hf-page");
  }

  @Test
  void anHtmlPageAPdfAndAnEmptyFileAreNamedForWhatTheyAre() {
    for (String format : new String[] {"arxiv-snapshot", "hf-page", "hf-api"}) {
      refused(format, html, "this looks like an HTML page", "save the page's text");
      refused(format, pdf, "this looks like a PDF document", "not PDFs");
      refused(format, empty, "is empty: there is nothing to import");
    }
  }

  @Test
  void gzipIsLookedIntoToo() throws Exception {
    Path gz = dir.resolve("snapshot.json.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(snapshot));
    }
    refused("hf-api", gz, "this looks like an arXiv snapshot");
  }

  @Test
  void aWrongFileAmongSeveralStopsTheImportBeforeAnyIsImported() {
    Cli r = lectern("import", "hf-page", page.toString(), snapshot.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(snapshot + ": this looks like an arXiv snapshot");
    assertThat(lectern("stats").out()).contains("papers: 0");
  }

  @Test
  void theRightFilesImport() {
    assertThat(lectern("import", "arxiv-snapshot", snapshot.toString()).code()).isZero();
    assertThat(lectern("import", "hf-api", api.toString(), apiLines.toString()).code()).isZero();
    Cli pages = lectern("import", "hf-page", page.toString());
    assertThat(pages.code()).as(pages.err()).isZero();
    assertThat(pages.out()).contains("new 2");
  }

  @Test
  void aFileWhoseFirstRecordsAreAllRejectedIsRefusedWithNothingStored() throws Exception {
    // JSON lines, but not records of any format Lectern knows: every one would be rejected
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) lines.add("{\"name\": \"n" + i + "\", \"value\": " + i + "}");
    Path other = Files.write(dir.resolve("other.jsonl"), lines);
    Cli r = lectern("import", "arxiv-snapshot", other.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            other
                + ": none of its first 20 records could be read as an arXiv snapshot "
                + "(JSON lines) ("
                + other
                + ":1: missing 'id')")
        .contains("nothing was imported from it");
    assertThat(lectern("stats").out()).contains("papers: 0").contains("rejected records: 0");
    assertThat(lectern("runs").out())
        .as("the run is in the history, with why it failed")
        .contains("failed arxiv-snapshot")
        .contains("none of its first 20 records");

    // a short file: all of its records
    Path notes =
        Files.writeString(
            dir.resolve("notes.txt"), "My reading list\nSome paper I liked\nAnother one\n");
    Cli n = lectern("import", "hf-page", notes.toString());
    assertThat(n.code()).isEqualTo(1);
    assertThat(n.err())
        .contains("none of its 3 records could be read as the saved text of a Daily Papers page")
        .contains("lectern import --help lists the formats");
    assertThat(lectern("stats").out()).contains("papers: 0");
  }

  @Test
  void badRecordsBeforeTheFirstGoodOneAreKeptOnceItComes() throws Exception {
    List<String> lines = new ArrayList<>(List.of("{\"id\": \"2401.00001\"}", "not json"));
    lines.addAll(Files.readAllLines(snapshot, StandardCharsets.ISO_8859_1).subList(0, 3));
    Path file = Files.write(dir.resolve("mixed.jsonl"), lines, StandardCharsets.ISO_8859_1);
    Cli r = lectern("import", "arxiv-snapshot", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rejected 2");
    assertThat(lectern("runs", "--rejects", "1").out().lines()).hasSize(2);
  }

  @Test
  void importingTheSameFileAgainListsItsBadRecordsOnceUnderTheLatestRun() throws Exception {
    lectern("import", "arxiv-snapshot", snapshot.toString());
    // the same file named another way (relative to a different directory) is the same input
    Path again = Path.of("").toAbsolutePath().relativize(snapshot);
    Cli second = lectern("import", "arxiv-snapshot", again.toString());
    assertThat(second.out()).contains("rejected 5");
    assertThat(lectern("stats").out()).contains("rejected records: 5");
    assertThat(lectern("runs", "--rejects", "2").out().lines()).hasSize(5);
    assertThat(lectern("runs", "--rejects", "1").out())
        .contains(
            "the records run 1 rejected are listed under run 2, which read the same input again");

    // a fixed file: the rejects its earlier runs recorded are gone with the next full read
    Path copy = Files.copy(snapshot, dir.resolve("copy.jsonl"));
    lectern("import", "arxiv-snapshot", copy.toString());
    Files.write(
        copy,
        Files.readAllLines(snapshot, StandardCharsets.ISO_8859_1).subList(0, 3),
        StandardCharsets.ISO_8859_1);
    lectern("import", "arxiv-snapshot", copy.toString());
    assertThat(lectern("stats").out()).contains("rejected records: 5");
    assertThat(lectern("runs", "--rejects", "4").out()).contains("run 4 rejected no records");
  }
}
