package dev.lectern.export;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Papers as BibTeX entries, in UTF-8: {@code @article} when arXiv names the journal that published
 * the paper (its journal-ref), {@code @misc} otherwise, as arXiv's own export does, with the arXiv
 * fields biblatex and natbib styles read ({@code eprint}, {@code archivePrefix}, {@code
 * primaryClass}), the DOI and a URL. Keys are {@link BibtexKeys}'. Titles and journal references
 * from arXiv are LaTeX and stay so; text from other sources is escaped (see {@link BibtexText}).
 */
public final class Bibtex {
  private Bibtex() {}

  /** One paper's entry, keyed by the paper alone. */
  public static String entry(Paper p) {
    return entry(p, BibtexKeys.of(p));
  }

  /** Entries for a list of papers in its order, their keys unique within it. */
  public static String entries(List<Paper> papers) {
    return entries(papers, Map.of());
  }

  /**
   * Entries with the reader's own notes (a collection's), by paper id, as {@code annote}: the field
   * BibTeX styles and Zotero read as an annotation; {@code note} is the publication's. A note is
   * plain text, so every LaTeX special in it is escaped, and its lines are joined into one.
   */
  public static String entries(List<Paper> papers, Map<String, String> notes) {
    Map<String, String> keys = BibtexKeys.unique(papers);
    StringBuilder out = new StringBuilder(papers.size() * 400);
    for (Paper p : papers) {
      if (!out.isEmpty()) out.append('\n');
      out.append(entry(p, keys.get(p.id()), notes.get(p.id())));
    }
    return out.toString();
  }

  private static String entry(Paper p, String key) {
    return entry(p, key, null);
  }

  private static String entry(Paper p, String key, String note) {
    UnaryOperator<String> text = isLatex(p) ? BibtexText::latex : BibtexText::plain;
    List<String[]> fields = new ArrayList<>();
    if (!p.authors().isEmpty()) fields.add(field("author", authors(p.authors())));
    fields.add(field("title", text.apply(p.title())));
    if (p.journalRef() != null) fields.add(field("journal", text.apply(p.journalRef())));
    String year = BibtexKeys.year(p);
    if (!year.isEmpty()) fields.add(field("year", year));
    if (p.hasArxivId()) {
      fields.add(field("eprint", p.id()));
      fields.add(field("archivePrefix", "arXiv"));
      if (p.primaryCategory() != null)
        fields.add(field("primaryClass", BibtexText.verbatim(p.primaryCategory())));
    }
    if (p.doi() != null) fields.add(field("doi", BibtexText.verbatim(p.doi())));
    if (p.hasArxivId()) fields.add(field("url", "https://arxiv.org/abs/" + p.id()));
    else if (p.doi() != null)
      fields.add(field("url", "https://doi.org/" + BibtexText.verbatim(p.doi())));
    if (note != null && !note.isBlank()) fields.add(field("annote", BibtexText.plain(note)));
    StringBuilder out = new StringBuilder("@").append(p.journalRef() == null ? "misc" : "article");
    out.append('{').append(key).append(",\n");
    for (int i = 0; i < fields.size(); i++) {
      out.append("  ").append(fields.get(i)[0]).append(" = {").append(fields.get(i)[1]);
      out.append(i + 1 < fields.size() ? "},\n" : "}\n");
    }
    return out.append("}\n").toString();
  }

  private static String[] field(String name, String value) {
    return new String[] {name, value};
  }

  /**
   * Whether the paper's text came from arXiv, whose metadata is written in LaTeX (a paper met in
   * both arXiv and a Hugging Face page keeps arXiv's title); other sources give plain text.
   */
  static boolean isLatex(Paper p) {
    return p.sources().stream().anyMatch(s -> s.startsWith("arxiv"));
  }

  /**
   * Names joined by "and" as BibTeX splits them. Names are stored as written (first names first),
   * decoded to letters; a suffix moves behind a comma ({@code Smith, Jr., John}), and a name that
   * holds a comma or the word "and" (a collaboration) is braced so that it stays one name.
   */
  static String authors(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String plain = Latex.toUnicode(name).strip().replaceAll("\\s+", " ");
      String[] words = plain.split(" ");
      String last = words[words.length - 1];
      if (words.length > 2 && BibtexKeys.SUFFIXES.contains(last.toLowerCase(Locale.ROOT))) {
        String first = String.join(" ", List.of(words).subList(0, words.length - 2));
        out.add(
            BibtexText.plain(words[words.length - 2])
                + ", "
                + BibtexText.plain(last)
                + ", "
                + BibtexText.plain(first));
      } else if (plain.contains(",") || plain.matches("(?i).*\\band\\b.*")) {
        out.add("{" + BibtexText.plain(plain) + "}");
      } else {
        out.add(BibtexText.plain(plain));
      }
    }
    return String.join(" and ", out);
  }
}
