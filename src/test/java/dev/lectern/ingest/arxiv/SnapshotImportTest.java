package dev.lectern.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.ingest.ImportProgress;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.paper.Paper;
import dev.lectern.store.Database;
import dev.lectern.store.ImportRuns;
import dev.lectern.store.PaperLibrary;
import dev.lectern.testing.LibraryContent;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotImportTest {
  @TempDir Path dir;
  private PaperLibrary library;
  private Path sample;

  @BeforeEach
  void setUp() throws Exception {
    library = new PaperLibrary(Database.openEmbedded(dir.resolve("data")));
    sample = Path.of(getClass().getResource("/arxiv/snapshot-sample.jsonl").toURI());
  }

  private ImportSummary importFile(Path file) {
    return new Importer(library, 3, ImportProgress.QUIET).run(new SnapshotSource(file));
  }

  @Test
  void goodRecordsComeInAndBadOnesAreCountedWithoutStoppingTheImport() {
    ImportSummary s = importFile(sample);
    assertThat(s.counts().read()).isEqualTo(10);
    assertThat(s.counts().added()).isEqualTo(3);
    assertThat(s.counts().updated()).as("the second version of 2401.01234").isEqualTo(1);
    assertThat(s.counts().unchanged()).as("its first version met again").isEqualTo(1);
    assertThat(s.counts().rejected()).isEqualTo(5);
    assertThat(library.count()).isEqualTo(3);
  }

  @Test
  void everyRejectedRecordIsKeptWithItsLineAndReason() {
    ImportSummary s = importFile(sample);
    List<ImportRuns.Reject> rejects = library.runs().rejects(s.runId(), 100);
    assertThat(rejects)
        .extracting(r -> r.location().substring(r.location().lastIndexOf(':') + 1))
        .containsExactly("4", "5", "7", "8", "11");
    assertThat(rejects.get(0).reason()).startsWith("malformed JSON");
    assertThat(rejects.get(1).reason()).isEqualTo("missing 'id'");
    assertThat(rejects.get(2).reason()).isEqualTo("'title' is empty");
    assertThat(rejects.get(3).reason()).contains("versions[0].created").contains("yesterday-ish");
    assertThat(rejects.get(4).reason()).startsWith("malformed JSON");
    assertThat(rejects.get(0).location()).startsWith(sample.toString());
  }

  @Test
  void fieldsAreParsedAndWhitespaceNormalizedWithLatexKept() {
    importFile(sample);
    Paper p = library.get("0704.0001").orElseThrow();
    assertThat(p.title())
        .isEqualTo(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(p.abstractText())
        .startsWith(
            "A fully differential calculation in perturbative quantum chromodynamics is presented");
    assertThat(p.authors())
        .containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
    assertThat(p.categories()).containsExactly("hep-ph");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2007, 4, 2));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2008, 11, 13));
    assertThat(p.versions()).isEqualTo(2);
    assertThat(p.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
    assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    assertThat(p.sources()).containsExactly("arxiv-snapshot");

    Paper old = library.get("hep-th/9901001").orElseThrow();
    assertThat(old.title()).isEqualTo("An old-style identifier with $\\alpha$-math");
    assertThat(old.abstractText())
        .isEqualTo("We keep LaTeX such as $E = mc^2$ and \\emph{emphasis} as written.");
    assertThat(old.categories()).containsExactly("hep-th", "math-ph", "math.MP");
  }

  @Test
  void theNewestVersionWinsWhateverTheOrderInTheFile() {
    importFile(sample);
    Paper p = library.get("2401.01234").orElseThrow();
    assertThat(p.versions()).isEqualTo(2);
    assertThat(p.abstractText())
        .isEqualTo("A longer second abstract, revised for the second version.");
    assertThat(p.authors()).containsExactly("Ada Lovelace", "Charles Babbage");
    assertThat(p.categories()).containsExactly("cs.LG", "cs.AI");
    assertThat(p.doi()).isEqualTo("10.1000/xyz");
  }

  @Test
  void reimportingTheSameFileChangesNothing() throws Exception {
    importFile(sample);
    String before = LibraryContent.digest(library);
    ImportSummary again = importFile(sample);
    assertThat(again.counts().added()).isZero();
    assertThat(again.counts().updated()).isZero();
    assertThat(again.counts().unchanged()).isEqualTo(5);
    assertThat(LibraryContent.digest(library)).isEqualTo(before);
  }

  @Test
  void gzipFilesAreReadByTheirContentWhateverTheirName() throws Exception {
    Path gz = dir.resolve("snapshot.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(sample, out);
    }
    ImportSummary s = importFile(gz);
    assertThat(s.counts().added()).isEqualTo(3);
    assertThat(s.counts().rejected()).isEqualTo(5);
  }

  @Test
  void aFinishedImportIsRecordedWithItsCounts() {
    ImportSummary s = importFile(sample);
    ImportRuns.Run run = library.runs().recent(1).getFirst();
    assertThat(run.id()).isEqualTo(s.runId());
    assertThat(run.status()).isEqualTo("completed");
    assertThat(run.counts()).isEqualTo(s.counts());
    assertThat(run.source()).isEqualTo("arxiv-snapshot");
  }

  /**
   * Real records (arxiv/latex-records.md) with their {@code authors_parsed} taken out, so the names
   * come from the {@code authors} string, which arXiv writes in LaTeX: decoded, they read as the
   * parsed names do.
   */
  @Test
  void namesFromTheAuthorsStringAreDecodedAsTheParsedNamesRead() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path records = Path.of(getClass().getResource("/arxiv/latex-records.jsonl").toURI());
    Path withoutParsed = dir.resolve("without-authors-parsed.jsonl");
    Map<String, List<String>> parsed = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(records)) {
      ObjectNode r = (ObjectNode) json.readTree(line);
      List<String> names = new ArrayList<>();
      for (JsonNode a : r.remove("authors_parsed"))
        names.add((a.get(1).asText() + " " + a.get(0).asText()).strip());
      parsed.put(r.get("id").asText(), names);
      lines.add(json.writeValueAsString(r));
    }
    Files.write(withoutParsed, lines);
    importFile(withoutParsed);
    assertThat(library.get("0704.0062").orElseThrow().authors())
        .containsExactly("Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař");
    assertThat(library.get("0704.0049").orElseThrow().authors()).containsExactly("Mikkel Øbro");
    assertThat(library.get("0704.0028").orElseThrow().authors())
        .containsExactly("Péter E. Frenkel");
    for (String id :
        List.of("0704.0005", "0704.0019", "0704.0049", "0704.0062", "0704.0073", "0704.0082")) {
      assertThat(library.get(id).orElseThrow().authors()).as(id).isEqualTo(parsed.get(id));
    }
  }
}
