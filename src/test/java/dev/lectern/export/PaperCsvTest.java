package dev.lectern.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.paper.Paper;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV of real arXiv records and of hostile text, read back by a CSV parser. */
class PaperCsvTest {
  static List<CSVRecord> read(String csv) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  @Test
  void realRecordsAreRowsWithTheirFieldsAndLatexReadAsLetters() throws IOException {
    List<Paper> papers = RealRecords.papers();
    String csv = PaperCsv.write(papers);
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", PaperCsv.HEADER));
    List<CSVRecord> rows = read(csv);
    assertThat(rows).hasSize(papers.size());
    CSVRecord grobner =
        rows.stream().filter(r -> r.get("id").equals("0704.0019")).findFirst().get();
    assertThat(grobner.get("title")).endsWith("based on the Gröbner basis");
    assertThat(grobner.get("authors")).isEqualTo("Norio Konno");
    assertThat(grobner.get("categories"))
        .isEqualTo(
            String.join(
                " ",
                papers.stream()
                    .filter(p -> p.id().equals("0704.0019"))
                    .findFirst()
                    .get()
                    .categories()));
    assertThat(grobner.get("submitted")).isEqualTo("2007-03-31");
    assertThat(grobner.get("upvotes")).isEmpty();
    assertThat(grobner.get("arxiv_url")).isEqualTo("https://arxiv.org/abs/0704.0019");
    CSVRecord viterbi =
        rows.stream().filter(r -> r.get("id").equals("0704.0062")).findFirst().get();
    assertThat(viterbi.get("authors")).isEqualTo("Rastislav Šrámek; Broňa Brejová; Tomáš Vinař");
    assertThat(viterbi.get("doi")).isEqualTo("10.1007/978-3-540-74126-8_23");
    assertThat(viterbi.get("journal_ref")).contains("Lecture Notes in Computer Science");
    CSVRecord math = rows.stream().filter(r -> r.get("id").equals("0704.0005")).findFirst().get();
    assertThat(math.get("title"))
        .isEqualTo("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$");
  }

  @Test
  void hostileTextRoundTripsAndCannotRunAsAFormula() throws IOException {
    String title = "=HYPERLINK(\"http://x\",\"a, b\")\n<script>alert(1)</script>";
    Paper p =
        new Paper(
            "t-abc",
            title,
            "",
            List.of("@Eve, \"the\" hacker", "Bob"),
            List.of(),
            null,
            null,
            0,
            "-1",
            null,
            null,
            null,
            7,
            Set.of("hf-page"));
    CSVRecord row = read(PaperCsv.write(List.of(p))).getFirst();
    assertThat(row.get("title")).isEqualTo("'" + title);
    assertThat(row.get("authors")).isEqualTo("'@Eve, \"the\" hacker; Bob");
    assertThat(row.get("doi")).isEqualTo("'-1");
    assertThat(row.get("upvotes")).isEqualTo("7");
    assertThat(row.get("arxiv_url")).isEmpty();
    assertThat(row.get("submitted")).isEmpty();
    assertThat(PaperCsv.cell("plain")).isEqualTo("plain");
  }

  @Test
  void aCollectionsNotesAreALastColumnThatRoundTrips() throws IOException {
    List<Paper> papers = List.copyOf(RealRecords.byId().values()).subList(0, 3);
    String note = "Read \"section 3\", twice\nthen, maybe,\r\n=the proof";
    String csv = PaperCsv.write(papers, Map.of(papers.get(1).id(), note));
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", PaperCsv.HEADER) + ",note");
    List<CSVRecord> rows = read(csv);
    assertThat(rows).hasSize(3);
    assertThat(rows)
        .extracting(r -> r.get("id"))
        .containsExactlyElementsOf(papers.stream().map(Paper::id).toList());
    assertThat(rows.get(1).get("note")).isEqualTo(note);
    assertThat(rows.get(0).get("note")).isEmpty();
    assertThat(read(PaperCsv.write(papers, Map.of(papers.get(0).id(), "=1+1"))).get(0).get("note"))
        .isEqualTo("'=1+1");
  }
}
