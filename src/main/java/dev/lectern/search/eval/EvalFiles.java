package dev.lectern.search.eval;

import dev.lectern.paper.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads relevance sets: a queries file ({@code id<TAB>text}) and a qrels file ({@code
 * query_id<TAB>grade<TAB>n<TAB>title}, where {@code n} is only a row number and papers are matched
 * by {@link Text#titleKey} of the title). Both are UTF-8; blank lines are skipped, and so is a
 * header line whose first column is {@code id}, {@code qid} or {@code query_id} (the shipped files
 * have none, but a spreadsheet export would).
 */
public final class EvalFiles {
  private static final Set<String> HEADER_IDS =
      Set.of("id", "qid", "query_id", "query-id", "queryid");

  private EvalFiles() {}

  /** Reads both files; judgments for queries the queries file lacks are ignored with a warning. */
  public static RelevanceSet load(Path queriesFile, Path qrelsFile) {
    List<EvalQuery> queries = readQueries(queriesFile);
    List<String> warnings = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (EvalQuery q : queries) ids.add(q.id());
    Qrels qrels = readQrels(qrelsFile, ids, warnings);
    return new RelevanceSet(queries, qrels, warnings);
  }

  /** The queries in file order. */
  public static List<EvalQuery> readQueries(Path file) {
    List<EvalQuery> queries = new ArrayList<>();
    Map<String, Integer> seenOnLine = new HashMap<>();
    for (Line line : lines(file)) {
      String[] cols = line.columns(2, "query id, query text");
      String id = cols[0].strip();
      String text = cols[1].strip();
      if (id.isEmpty()) throw line.error("the query id is empty");
      if (text.isEmpty()) throw line.error("query " + id + " has no text");
      Integer earlier = seenOnLine.putIfAbsent(id, line.number());
      if (earlier != null)
        throw line.error("query id " + id + " is already used on line " + earlier);
      queries.add(new EvalQuery(id, text));
    }
    if (queries.isEmpty()) throw new EvalFileException(file, 0, "no queries in the file");
    return queries;
  }

  /**
   * The judgments in a qrels file. Those of a query not in {@code knownQueryIds} are left out, with
   * a warning added to {@code warnings}; pass null to keep every query's.
   */
  public static Qrels readQrels(Path file, Set<String> knownQueryIds, List<String> warnings) {
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    Map<String, Integer> seenOnLine = new HashMap<>();
    Map<String, Integer> unknown =
        new LinkedHashMap<>(); // query id -> first line, one warning per query
    for (Line line : lines(file)) {
      String[] cols = line.columns(4, "query id, grade, row number, title");
      String queryId = cols[0].strip();
      if (queryId.isEmpty()) throw line.error("the query id is empty");
      int grade = parseGrade(line, cols[1].strip());
      String key = Text.titleKey(cols[3]);
      if (key.isEmpty()) throw line.error("the title is empty (or has no letters or digits)");
      Integer earlier = seenOnLine.putIfAbsent(queryId + "\t" + key, line.number());
      if (earlier != null) {
        throw line.error(
            "query "
                + queryId
                + " already judges this title (same normalized title) on line "
                + earlier);
      }
      if (knownQueryIds != null && !knownQueryIds.contains(queryId)) {
        unknown.putIfAbsent(queryId, line.number());
        continue;
      }
      grades.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).put(key, grade);
    }
    unknown.forEach(
        (q, n) ->
            warnings.add(
                file
                    + " line "
                    + n
                    + ": query "
                    + q
                    + " is not in the queries file; its judgments are ignored"));
    return new Qrels(grades);
  }

  private static int parseGrade(Line line, String s) {
    int grade;
    try {
      grade = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw line.error("the grade must be a whole number (0, 1 or 2), got '" + s + "'");
    }
    if (grade < 0) throw line.error("the grade must not be negative, got " + grade);
    return grade;
  }

  /** The file's non-blank lines with their numbers, a header line left out. */
  private static List<Line> lines(Path file) {
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvalFileException(file, "cannot read the file (" + e.getMessage() + ")", e);
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String text = raw.get(i);
      if (i == 0 && text.startsWith("\uFEFF"))
        text = text.substring(1); // a BOM from a spreadsheet export
      if (text.isBlank()) continue;
      if (out.isEmpty() && isHeader(text)) continue;
      out.add(new Line(file, i + 1, text));
    }
    return out;
  }

  private static boolean isHeader(String line) {
    int tab = line.indexOf('\t');
    String first = (tab < 0 ? line : line.substring(0, tab)).strip().toLowerCase(Locale.ROOT);
    return HEADER_IDS.contains(first);
  }

  private record Line(Path file, int number, String text) {
    String[] columns(int expected, String names) {
      String[] cols = text.split("\t", -1);
      if (cols.length != expected) {
        throw error(
            "expected "
                + expected
                + " tab-separated columns ("
                + names
                + "), found "
                + cols.length
                + (cols.length == 1 ? " (no tab: spaces instead of tabs?)" : ""));
      }
      return cols;
    }

    EvalFileException error(String problem) {
      return new EvalFileException(file, number, problem);
    }
  }
}
