package dev.lectern.paper;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Text normalization shared by every source, so the same paper reads the same whatever its origin.
 */
public final class Text {
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Text() {}

  /**
   * Collapses every run of whitespace (the arXiv snapshot wraps lines with a newline and two
   * spaces) to one space and trims; control characters count as whitespace. Returns null for null,
   * empty for blank.
   */
  public static String clean(String s) {
    if (s == null) return null;
    int n = s.length();
    char[] out = new char[n];
    int len = 0;
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = len > 0;
        changed |= c != ' ';
      } else {
        if (pendingSpace) out[len++] = ' ';
        pendingSpace = false;
        out[len++] = c;
      }
    }
    return !changed && len == n ? s : new String(out, 0, len);
  }

  private static boolean isSpace(char c) {
    return c <= ' '
        ? true
        : c >= '\u007f'
            && (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0');
  }

  /** Like {@link #clean} but maps blank to null, for optional fields. */
  public static String cleanOrNull(String s) {
    String c = clean(s);
    return c == null || c.isEmpty() ? null : c;
  }

  /**
   * The title key: the title's LaTeX decoded ({@link Latex#toUnicode}, so arXiv's {@code Gr\"obner}
   * and another source's Gröbner are one key), lower-cased, accents folded, runs of
   * non-alphanumerics collapsed to one space. The same rule the relevance judgments use to name
   * papers. Math is kept as written, so a stray {@code $} pair in a plain title changes nothing.
   *
   * <p>Letters that are not a base letter plus an accent (ø, ł, ß, æ, œ, đ, ð, þ, ı, ħ) are folded
   * as the search analyzers fold them ({@link ASCIIFoldingFilter}): Søren is Soren, Straße is
   * Strasse. Greek, Cyrillic, CJK and other scripts keep their letters.
   */
  public static String titleKey(String title) {
    if (title == null) return "";
    String decoded = Latex.toUnicode(title);
    String folded =
        foldToAscii(
            MARKS.matcher(Normalizer.normalize(decoded, Normalizer.Form.NFKD)).replaceAll(""));
    return NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  private static String foldToAscii(String s) {
    if (s.chars().allMatch(c -> c < 0x80)) return s;
    char[] in = s.toCharArray();
    char[] out = new char[4 * in.length]; // Lucene folds one char to at most four ("⑽" is "(10)")
    return new String(out, 0, ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length));
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
