package dev.lectern.paper;

import dev.lectern.paper.LatexDecoder.Mode;
import java.util.Arrays;

/**
 * The LaTeX that arXiv's titles, abstracts and author strings are written in, decoded. One decoder
 * with two readings of the same text:
 *
 * <ul>
 *   <li>{@link #toUnicode}: what a reader expects to see. Accents and special letters become the
 *       letters they stand for ({@code Gr\"obner} is Gröbner, {@code {\o}} is ø), text commands
 *       give their text ({@code \emph{x}} is x, {@code \&} is &amp;), grouping braces go, {@code ~}
 *       is a space, {@code --} and {@code ---} are dashes. Math ({@code $...$}, {@code $$...$$},
 *       {@code \(...\)}) is left exactly as written, for a math renderer to show. {@link #display}
 *       gives the same text with where each character came from and where the math is, so that
 *       marks made on the raw text land on the decoded letters.
 *   <li>{@link #forSearch}: the text to index and search, which is the same outside math, while
 *       math becomes the words a researcher types: {@code $\Lambda_{\alpha}$} is "Lambda alpha",
 *       {@code WSe$_{2}$}, {@code H$_2$O} and {@code $\mathrm{MoS}_2$} are WSe2, H2O and MoS2. Each
 *       character of the result knows where in the input it came from, so a search's highlights
 *       mark the raw text where it matched.
 * </ul>
 *
 * Nothing here throws on malformed input: a construct that does not parse (an accent with nothing
 * to sit on, an unclosed {@code $}) is kept as the characters it was, so no text is ever lost. Text
 * without {@code \}, {@code $}, braces or the like is returned as it is after one scan (see {@link
 * #mayHoldMarkup}).
 */
public final class Latex {
  private Latex() {}

  /**
   * Whether {@code text[from, to)} has anything {@link #forSearch} would change: a backslash, a
   * dollar or a brace. Most abstracts have none, and analysing them must cost nothing extra.
   */
  public static boolean mayHoldMarkup(char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c == '\\' || c == '$' || c == '{') return true;
    }
    return false;
  }

  /** {@link #mayHoldMarkup(char[], int, int)} for a string. */
  public static boolean mayHoldMarkup(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '$' || c == '{') return true;
    }
    return false;
  }

  /**
   * The text as a reader expects it: accents, special letters and text commands decoded, grouping
   * braces dropped, {@code ~} a space, {@code --}/{@code ---} dashes, {@code ``...''} curly quotes;
   * math left as written, delimiters included. Returns null for null and the same string when there
   * is nothing to decode.
   */
  public static String toUnicode(String text) {
    if (text == null || !mayHoldDisplayMarkup(text)) return text;
    char[] in = text.toCharArray();
    return LatexDecoder.decode(in, in.length, Mode.DISPLAY).text();
  }

  /**
   * {@link #toUnicode} with where each character of the result came from and where its math is: for
   * text whose raw offsets were marked (a search's matches) and whose math is to be rendered.
   * Returns null for null.
   */
  public static DisplayText display(String text) {
    if (text == null) return null;
    if (!mayHoldDisplayMarkup(text)) return DisplayText.plain(text);
    char[] in = text.toCharArray();
    return LatexDecoder.display(in, in.length);
  }

  private static boolean mayHoldDisplayMarkup(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '$' || c == '{' || c == '}' || c == '~') return true;
      if ((c == '-' || c == '`' || c == '\'') && i + 1 < n && s.charAt(i + 1) == c) return true;
    }
    return false;
  }

  /**
   * Only the accents and special letters decoded ({@code Gr\"obner} is Gröbner, {@code {\o}} is ø),
   * the rest left as it is: for text where braces, quotes, {@code ~} or {@code $} mean something
   * else, such as a search query, whose parser would otherwise read {@code \"} as an escaped quote.
   */
  public static String decodeLetters(String text) {
    if (text == null || text.indexOf('\\') < 0) return text;
    char[] in = text.toCharArray();
    return LatexDecoder.decode(in, in.length, Mode.LETTERS).text();
  }

  /** The text to index or search by, without the offsets: see {@link #forSearch(char[], int)}. */
  public static String forSearch(String text) {
    if (text == null || !mayHoldMarkup(text)) return text;
    char[] in = text.toCharArray();
    Decoded d = forSearch(in, in.length);
    return new String(d.text(), 0, d.length());
  }

  /**
   * The text to index or search by: as {@link #toUnicode} outside math, and math as the words a
   * researcher types (command names as words, so {@code \alpha} is alpha; formatting commands such
   * as {@code \mathrm} dropped; a subscript of letters or digits joined to the plain word before
   * it, so {@code H_2} is H2, and that word to the text right after the math, so {@code H$_2$O} is
   * H2O). Braces never split a word ({@code M{\"u}ller} is Müller, as TeX sets it).
   *
   * @param text the input, {@code text[0, length)}; not changed
   */
  public static Decoded forSearch(char[] text, int length) {
    return LatexDecoder.decode(text, length, Mode.SEARCH).decoded();
  }

  /**
   * Text decoded by {@link #forSearch(char[], int)}, {@code text[0, length)}, with where each
   * offset in it comes from in the input: for a letter or digit, where the input that made it
   * starts (a token starting there starts at the raw {@code \"o}); otherwise where the input that
   * made the character before it ends (a token ending there ends after its raw text, not after the
   * markup that follows it). Kept as the points where the difference changes: from {@code
   * correctionAt[k]} on (up to the next point), an output offset {@code i} is input offset {@code i
   * + correctionDiff[k]}; before the first point, the two are the same.
   */
  public record Decoded(
      char[] text, int length, int[] correctionAt, int[] correctionDiff, int corrections) {
    /** The input offset of output offset {@code i}, from 0 to {@link #length}. */
    public int sourceOffset(int i) {
      int k = Arrays.binarySearch(correctionAt, 0, corrections, i);
      if (k < 0) k = -k - 2;
      return k < 0 ? i : i + correctionDiff[k];
    }
  }
}
