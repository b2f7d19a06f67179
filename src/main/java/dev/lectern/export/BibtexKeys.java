package dev.lectern.export;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Citation keys, as Google Scholar and many reference managers make them: the first author's
 * surname, the year and the first word of the title that is not a stop word, in lower-case ASCII
 * letters and digits ({@code konno2007approximation}). A paper's key depends on that paper alone,
 * so it stays the same from one export to the next; in a file where papers share a key, the one
 * with the smallest id keeps it and the others get {@code b}, {@code c}, ... in the order of their
 * ids, whatever order the list has.
 */
public final class BibtexKeys {
  /** Words a title's key word is never taken from: articles, prepositions, conjunctions. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "on", "of", "in", "for", "to", "and", "or", "from", "with", "by", "at",
          "as", "via", "into", "is", "are", "be", "do", "does", "how", "what", "why", "when", "we",
          "towards", "toward", "beyond", "about", "under", "over", "its", "it", "this", "that",
          "not", "no", "can", "all");

  /** Name parts after the surname ("Jr."), which BibTeX writes after a comma. */
  static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

  private static final Pattern NEW_STYLE_ID = Pattern.compile("(\\d{2})\\d{2}\\.\\d{4,5}");
  private static final Pattern OLD_STYLE_ID = Pattern.compile(".+/(\\d{2})\\d{5}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private BibtexKeys() {}

  /** The paper's own key, before any other paper of a file is known. */
  public static String of(Paper p) {
    return surname(p.authors()) + year(p) + titleWord(p.title());
  }

  /** The key of every paper of a file, by id: unique within it, see the class comment. */
  public static Map<String, String> unique(List<Paper> papers) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (Paper p : papers.stream().sorted(Comparator.comparing(Paper::id)).toList())
      byKey.computeIfAbsent(of(p), k -> new ArrayList<>()).add(p.id());
    Map<String, String> keys = new HashMap<>();
    Set<String> used = new HashSet<>(byKey.keySet());
    for (var e : byKey.entrySet()) {
      List<String> ids = e.getValue();
      keys.put(ids.getFirst(), e.getKey());
      int n = 2; // the second paper of a key gets b
      for (String id : ids.subList(1, ids.size())) {
        String key;
        do key = e.getKey() + letters(n++);
        while (!used.add(key));
        keys.put(id, key);
      }
    }
    return keys;
  }

  /** 1 is a, 2 is b, 26 is z, 27 is aa, and so on. */
  static String letters(int n) {
    StringBuilder out = new StringBuilder();
    for (int m = n; m > 0; m = (m - 1) / 26) out.insert(0, (char) ('a' + (m - 1) % 26));
    return out.toString();
  }

  /** The first author's surname: the last word of the name, a "Jr." or "III" aside. */
  static String surname(List<String> authors) {
    if (authors.isEmpty()) return "anon";
    String[] words = Latex.toUnicode(authors.getFirst()).strip().split("\\s+");
    int last = words.length - 1;
    while (last > 0 && SUFFIXES.contains(words[last].toLowerCase(Locale.ROOT))) last--;
    String surname = ascii(words[last]);
    return surname.isEmpty() ? "anon" : surname;
  }

  /**
   * The year the paper was first submitted; without a date, the year its arXiv id was given ({@code
   * 2404.15574} and {@code hep-th/9901001}), else its last update's; empty when unknown.
   */
  static String year(Paper p) {
    if (p.submitted() != null) return String.valueOf(p.submitted().getYear());
    if (PaperIds.isArxivId(p.id())) {
      Matcher m = NEW_STYLE_ID.matcher(p.id());
      if (!m.matches()) m = OLD_STYLE_ID.matcher(p.id());
      if (m.matches()) {
        int yy = Integer.parseInt(m.group(1));
        return String.valueOf(yy < 91 ? 2000 + yy : 1900 + yy); // arXiv began in 1991
      }
    }
    return p.updated() == null ? "" : String.valueOf(p.updated().getYear());
  }

  /**
   * The title's first word that is not a stop word, math read as words ({@code $\Lambda$} is
   * lambda) and a hyphenated word as one (On-line is online).
   */
  static String titleWord(String title) {
    String first = "";
    for (String w : SPACES.split(Latex.forSearch(title))) {
      String word = ascii(w);
      if (word.isEmpty()) continue;
      if (first.isEmpty()) first = word;
      if (!STOP_WORDS.contains(word)) return word;
    }
    return first;
  }

  /** Lower-case ASCII letters and digits: accents dropped (Gröbner: grobner, Øbro: obro). */
  static String ascii(String s) {
    char[] in = s.toCharArray();
    char[] folded = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, folded, 0, in.length);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = Character.toLowerCase(folded[i]);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.append(c);
    }
    return out.toString();
  }
}
