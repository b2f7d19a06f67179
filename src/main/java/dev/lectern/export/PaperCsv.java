package dev.lectern.export;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Papers as CSV (RFC 4180, a header row, UTF-8), one row a paper, for a spreadsheet or a script.
 * Titles and names read as letters ({@code Gr\"obner} is Gröbner; math stays as written); authors
 * are separated by "; ", categories by spaces, the primary first. A text cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises, so a hostile title cannot run in the reader's spreadsheet. A
 * collection's export adds the reader's notes as a last column.
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

  /** A collection's columns: the reader's note last. */
  public static final List<String> NOTED_HEADER =
      Stream.concat(HEADER.stream(), Stream.of("note")).toList();

  private PaperCsv() {}

  public static String write(List<Paper> papers) {
    return write(papers, HEADER, null);
  }

  /**
   * A collection's papers with the reader's note of each, by paper id, in a last column {@code
   * note} (empty for none); quotes, commas and line breaks in it are quoted as RFC 4180 says.
   */
  public static String write(List<Paper> papers, Map<String, String> notes) {
    return write(papers, NOTED_HEADER, notes);
  }

  /** With {@code notes} null, no note column. */
  private static String write(List<Paper> papers, List<String> header, Map<String, String> notes) {
    StringBuilder out = new StringBuilder(papers.size() * 200 + 100);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (Paper p : papers) {
        List<Object> row = new ArrayList<>(header.size());
        row.addAll(columns(p));
        if (notes != null) row.add(cell(notes.get(p.id())));
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return out.toString();
  }

  private static List<String> columns(Paper p) {
    return List.of(
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

  /** The text, with a leading apostrophe when a spreadsheet would read it as a formula. */
  static String cell(String text) {
    if (text == null || text.isEmpty()) return "";
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }
}
