package dev.lectern.export;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Papers as CSV (RFC 4180, a header row, UTF-8), one row a paper, for a spreadsheet or a script.
 * Titles and names read as letters ({@code Gr\"obner} is Gröbner; math stays as written); authors
 * are separated by "; ", categories by spaces, the primary first. A text cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises, so a hostile title cannot run in the reader's spreadsheet.
 */
public final class PaperCsv {
  public static final List<String> HEADER =
      List.of(
          "id",
          "title",
          "authors",
          "categories",
          "submitted",
          "upvotes",
          "arxiv_url",
          "doi",
          "journal_ref");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();

  private PaperCsv() {}

  public static String write(List<Paper> papers) {
    StringBuilder out = new StringBuilder(papers.size() * 200 + 100);
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      for (Paper p : papers) {
        csv.printRecord(
            p.id(),
            cell(Latex.toUnicode(p.title())),
            cell(String.join("; ", p.authors().stream().map(Latex::toUnicode).toList())),
            String.join(" ", p.categories()),
            p.submitted() == null ? "" : p.submitted().toString(),
            p.upvotes() == null ? "" : p.upvotes().toString(),
            p.hasArxivId() ? "https://arxiv.org/abs/" + p.id() : "",
            cell(p.doi()),
            cell(p.journalRef()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }

  /** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
  static String cell(String text) {
    if (text == null || text.isEmpty()) return "";
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }
}
