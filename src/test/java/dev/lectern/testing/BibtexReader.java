package dev.lectern.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;

/**
 * Reads BibTeX back as a reference manager would (jbibtex), failing on anything malformed: every
 * entry, and every field's value as LaTeX, which must parse with its braces matched.
 */
public final class BibtexReader {
  private static final Pattern MATH = Pattern.compile("\\$\\$.+?\\$\\$|\\$.+?\\$");

  private BibtexReader() {}

  /**
   * Entries by key, in file order; each field checked for balanced braces as BibTeX counts them.
   */
  public static Map<String, BibTeXEntry> read(String bibtex) {
    BibTeXDatabase db;
    try {
      BibTeXParser parser = new BibTeXParser();
      db = parser.parse(new StringReader(bibtex));
      assertThat(parser.getExceptions()).as(bibtex).isEmpty();
    } catch (ParseException | RuntimeException e) {
      throw new AssertionError("not BibTeX: " + e.getMessage() + "\n" + bibtex, e);
    }
    Map<String, BibTeXEntry> out = new LinkedHashMap<>();
    for (var e : db.getEntries().entrySet()) {
      for (var f : e.getValue().getFields().entrySet())
        assertBalanced(f.getKey().getValue(), f.getValue().toUserString());
      out.put(e.getKey().getValue(), e.getValue());
    }
    return out;
  }

  public static String field(BibTeXEntry entry, String name) {
    var v = entry.getField(new Key(name));
    return v == null ? null : v.toUserString();
  }

  /**
   * A field's LaTeX as the text it prints: {@code Gr\"obner} is Gröbner. jbibtex reads no math, so
   * each formula is read as the word MATH (its braces are checked by {@link #read}).
   */
  public static String printed(String latex) {
    try {
      String text = MATH.matcher(latex).replaceAll("MATH");
      return new LaTeXPrinter().print(new LaTeXParser().parse(text));
    } catch (ParseException | RuntimeException e) {
      throw new AssertionError("not LaTeX: " + latex, e);
    }
  }

  private static void assertBalanced(String field, String value) {
    int depth = 0;
    for (char c : value.toCharArray()) {
      if (c == '{') depth++;
      if (c == '}') depth--;
      assertThat(depth).as("%s = {%s}: a } closes nothing", field, value).isNotNegative();
    }
    assertThat(depth).as("%s = {%s}: a { is never closed", field, value).isZero();
  }
}
