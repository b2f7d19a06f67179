package dev.lectern.paper;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The LaTeX that arXiv's titles, abstracts and author strings are written in, decoded. One decoder with two
 * readings of the same text:
 *
 * <ul>
 *   <li>{@link #toUnicode}: what a reader expects to see. Accents and special letters become the letters they
 *       stand for ({@code Gr\"obner} is Gröbner, {@code {\o}} is ø), text commands give their text
 *       ({@code \emph{x}} is x, {@code \&} is &amp;), grouping braces go, {@code ~} is a space, {@code --} and
 *       {@code ---} are dashes. Math ({@code $...$}, {@code $$...$$}, {@code \(...\)}) is left exactly as
 *       written, for a math renderer to show.
 *   <li>{@link #forSearch}: the text to index and search, which is the same outside math, while math becomes
 *       the words a researcher types: {@code $\Lambda_{\alpha}$} is "Lambda alpha", {@code WSe$_{2}$},
 *       {@code H$_2$O} and {@code $\mathrm{MoS}_2$} are WSe2, H2O and MoS2. Each character of the result knows
 *       where in the input it came from, so a search's highlights mark the raw text where it matched.
 * </ul>
 *
 * Nothing here throws on malformed input: a construct that does not parse (an accent with nothing to sit
 * on, an unclosed {@code $}) is kept as the characters it was, so no text is ever lost. Text without
 * {@code \}, {@code $}, braces or the like is returned as it is after one scan (see {@link #mayHoldMarkup}).
 */
public final class Latex {
  private Latex() {}

  /**
   * Whether {@code text[from, to)} has anything {@link #forSearch} would change: a backslash, a dollar or a
   * brace. Most abstracts have none, and analysing them must cost nothing extra.
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
   * The text as a reader expects it: accents, special letters and text commands decoded, grouping braces
   * dropped, {@code ~} a space, {@code --}/{@code ---} dashes, {@code ``...''} curly quotes; math left as
   * written, delimiters included. Returns null for null and the same string when there is nothing to decode.
   */
  public static String toUnicode(String text) {
    if (text == null || !mayHoldDisplayMarkup(text)) return text;
    char[] in = text.toCharArray();
    Decoder d = new Decoder(in, in.length, Mode.DISPLAY);
    d.run();
    return new String(d.out, 0, d.len);
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
   * Only the accents and special letters decoded ({@code Gr\"obner} is Gröbner, {@code {\o}} is ø), the
   * rest left as it is: for text where braces, quotes, {@code ~} or {@code $} mean something else, such as a
   * search query, whose parser would otherwise read {@code \"} as an escaped quote.
   */
  public static String decodeLetters(String text) {
    if (text == null || text.indexOf('\\') < 0) return text;
    char[] in = text.toCharArray();
    Decoder d = new Decoder(in, in.length, Mode.LETTERS);
    d.run();
    return new String(d.out, 0, d.len);
  }

  /** The text to index or search by, without the offsets: see {@link #forSearch(char[], int)}. */
  public static String forSearch(String text) {
    if (text == null || !mayHoldMarkup(text)) return text;
    char[] in = text.toCharArray();
    Decoded d = forSearch(in, in.length);
    return new String(d.text(), 0, d.length());
  }

  /**
   * The text to index or search by: as {@link #toUnicode} outside math, and math as the words a researcher
   * types (command names as words, so {@code \alpha} is alpha; formatting commands such as {@code \mathrm}
   * dropped; a subscript of letters or digits joined to the plain word before it, so {@code H_2} is H2, and
   * that word to the text right after the math, so {@code H$_2$O} is H2O). Braces never split a word
   * ({@code M{\"u}ller} is Müller, as TeX sets it).
   *
   * @param text the input, {@code text[0, length)}; not changed
   */
  public static Decoded forSearch(char[] text, int length) {
    Decoder d = new Decoder(text, length, Mode.SEARCH);
    d.run();
    return d.decoded();
  }

  /**
   * Text decoded by {@link #forSearch(char[], int)}, {@code text[0, length)}, with where each offset in it
   * comes from in the input: for a letter or digit, where the input that made it starts (a token starting
   * there starts at the raw {@code \"o}); otherwise where the input that made the character before it ends
   * (a token ending there ends after its raw text, not after the markup that follows it). Kept as the points
   * where the difference changes: from {@code correctionAt[k]} on (up to the next point), an output offset
   * {@code i} is input offset {@code i + correctionDiff[k]}; before the first point, the two are the same.
   */
  public record Decoded(char[] text, int length, int[] correctionAt, int[] correctionDiff, int corrections) {
    /** The input offset of output offset {@code i}, from 0 to {@link #length}. */
    public int sourceOffset(int i) {
      int k = Arrays.binarySearch(correctionAt, 0, corrections, i);
      if (k < 0) k = -k - 2;
      return k < 0 ? i : i + correctionDiff[k];
    }
  }

  /** Combining marks of the accent commands, by the character after the backslash. */
  private static final String SYMBOL_ACCENTS = "'`^\"~=.";
  private static final String SYMBOL_MARKS = "\u0301\u0300\u0302\u0308\u0303\u0304\u0307";
  private static final String LETTER_ACCENTS = "uvHcdbkr";
  private static final String LETTER_MARKS = "\u0306\u030C\u030B\u0327\u0323\u0331\u0328\u030A";

  /** Letters written as commands ({@code \ss}, {@code \o}, ...). */
  private static final Map<String, String> LETTERS = Map.ofEntries(
      Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("aa", "å"), Map.entry("AA", "Å"),
      Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("l", "ł"),
      Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"));

  /** Text-mode commands that stand for a symbol or a word. */
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("ldots", "…"), Map.entry("dots", "…"), Map.entry("textellipsis", "…"),
      Map.entry("textendash", "–"), Map.entry("textemdash", "—"), Map.entry("LaTeX", "LaTeX"),
      Map.entry("TeX", "TeX"), Map.entry("textasciitilde", "~"), Map.entry("textbackslash", "\\"),
      Map.entry("S", "§"), Map.entry("P", "¶"), Map.entry("copyright", "©"), Map.entry("pounds", "£"),
      Map.entry("textregistered", "®"), Map.entry("texttrademark", "™"), Map.entry("textdegree", "°"));

  /**
   * Commands that only change how their text looks ({@code \emph{x}}, {@code {\bf x}}, {@code \mathrm{MoS}}):
   * they vanish and their text stays.
   */
  private static final Set<String> FORMATTING = Set.of(
      "emph", "textit", "textbf", "textrm", "textsf", "texttt", "textsc", "textsl", "textup", "textnormal",
      "textmd", "text", "mbox", "hbox", "underline", "url", "em", "it", "bf", "rm", "sc", "sf", "tt", "sl", "up",
      "normalfont", "itshape", "bfseries", "scshape", "upshape", "mdseries", "rmfamily", "sffamily", "ttfamily",
      "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
      "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr", "mathnormal",
      "boldsymbol", "bm", "cal", "mit", "operatorname", "displaystyle", "textstyle", "scriptstyle",
      "scriptscriptstyle", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
      "biggl", "biggr", "Biggl", "Biggr", "limits", "nolimits", "noindent", "relax", "protect");

  /** Spacing commands in math: a space. */
  private static final Set<String> SPACES = Set.of("quad", "qquad", "enspace", "thinspace", "medspace",
      "thickspace", "space", "hfill", "newline", "linebreak");

  private enum Mode { DISPLAY, SEARCH, LETTERS }

  /** One pass over the input into {@code out}, keeping (for search) where in the input the output came from. */
  private static final class Decoder {
    private final char[] in;
    private final int n;
    private final boolean search;
    private final boolean lettersOnly;
    char[] out;
    int len;
    /**
     * Where the input that made each output character starts and ends (search only): set for the characters
     * in {@link #singles} and for both ends of each run copied in bulk, which is all {@link #decoded} reads.
     */
    private int[] from;
    private int[] to;
    /** Depth of text-mode braces: a closing brace with none open is a character of the text. */
    private int depth;
    /** Trailing output characters that are spaces made from markup: a subscript joining its word takes them back. */
    private int softSpaces;
    /** The output ends with a joined subscript: a letter right after the math joins the same word. */
    private boolean glueRight;
    /** The last word output is a command's name ({@code \alpha}): a subscript does not join it. */
    private boolean commandWord;
    /** A command's name was just output: a letter after it starts another word. */
    private boolean separateNext;
    /** Set by {@link #letter}: the decoded accent or special letter. */
    private String decoded;
    /** The characters that may start markup outside math, in this mode. */
    private final boolean[] plainSpecial;
    /**
     * Output offsets of the characters output one by one (search only): everything else was copied in runs,
     * whose offsets differ from the input's by the same amount as their first character's.
     */
    private int[] singles;
    private int singleCount;

    Decoder(char[] in, int n, Mode mode) {
      this.in = in;
      this.n = n;
      this.search = mode == Mode.SEARCH;
      this.lettersOnly = mode == Mode.LETTERS;
      this.out = new char[n + 16];
      this.plainSpecial = lettersOnly ? LETTERS_SPECIAL : search ? SEARCH_SPECIAL : DISPLAY_SPECIAL;
      if (search) {
        from = new int[out.length];
        to = new int[out.length];
        singles = new int[64];
      }
    }

    void run() {
      int i = 0;
      while (i < n) i = text(i);
    }

    /** Decodes what starts at {@code i} in text mode; returns where the next thing starts. */
    private int text(int i) {
      char c = in[i];
      if (lettersOnly) return letterOnly(i);
      switch (c) {
        case '\\' -> {
          return command(i, false);
        }
        case '$' -> {
          int delim = i + 1 < n && in[i + 1] == '$' ? 2 : 1;
          int close = closingDollars(i + delim, delim);
          if (close < 0) break; // unclosed: a dollar sign
          return math(i, delim, close, delim);
        }
        case '{' -> {
          int unit = braced(i);
          if (unit > 0) {
            put(decoded, i, unit);
            return unit;
          }
          depth++;
          return i + 1;
        }
        case '}' -> {
          if (depth == 0) break; // never opened: a character of the text
          depth--;
          return i + 1;
        }
        case '~' -> {
          put(' ', i, i + 1);
          return i + 1;
        }
        case '-' -> {
          if (!search && i + 1 < n && in[i + 1] == '-') {
            boolean em = i + 2 < n && in[i + 2] == '-';
            put(em ? '—' : '–', i, i + (em ? 3 : 2));
            return i + (em ? 3 : 2);
          }
        }
        case '`', '\'' -> {
          if (!search && i + 1 < n && in[i + 1] == c) {
            put(c == '`' ? '“' : '”', i, i + 2);
            return i + 2;
          }
        }
        default -> {
          return run(i, n, false);
        }
      }
      put(c, i, i + 1);
      return i + 1;
    }

    /**
     * The characters from {@code i} up to the next one that may be markup (before {@code limit}): copied as
     * they are, most of any text, so in bulk. The first goes through {@link #put(char, int, int)}, which
     * joins or separates it from what came before.
     */
    private int run(int i, int limit, boolean inMath) {
      int j = i + 1;
      while (j < limit && !special(in[j], inMath)) j++;
      put(in[i], i, i + 1);
      int count = j - i - 1;
      if (count > 0) {
        ensure(len + count);
        System.arraycopy(in, i + 1, out, len, count);
        if (search) {
          // the run maps one to one: its ends are all decoded() reads of it
          from[len] = i + 1;
          to[len] = i + 2;
          from[len + count - 1] = j - 1;
          to[len + count - 1] = j;
        }
        len += count;
        commandWord = false; // what a subscript would follow is plain text now (or not a word at all)
      }
      return j;
    }

    private boolean special(char c, boolean inMath) {
      return c < 128 && (inMath ? MATH_SPECIAL : plainSpecial)[c];
    }

    private int letterOnly(int i) {
      int end = in[i] == '{' ? braced(i) : in[i] == '\\' ? letter(i) : -1;
      if (end < 0) return run(i, n, false);
      put(decoded, i, end);
      return in[i] == '\\' && end < n && in[end] == ' ' && LETTERS.containsKey(new String(in, i + 1, end - i - 1))
          ? skipSpaces(end) : end;
    }

    /**
     * A braced accent or special letter, {@code {\"o}}, {@code {\"{o}}}, {@code {\ss}}: one letter, so its
     * braces do not end a word. Returns the end of the group with {@link #decoded} set, or -1.
     */
    private int braced(int i) {
      if (i + 1 >= n || in[i + 1] != '\\') return -1;
      int end = letter(i + 1);
      return end > 0 && end < n && in[end] == '}' ? end + 1 : -1;
    }

    /** The index of the {@code delim} dollars closing math that starts at {@code i}, or -1. */
    private int closingDollars(int i, int delim) {
      for (int j = i; j < n; j++) {
        char c = in[j];
        if (c == '\\') {
          j++;
        } else if (c == '$') {
          if (delim == 1) return j;
          if (j + 1 < n && in[j + 1] == '$') return j;
          return -1; // a single dollar inside $$...$$: malformed, read it as text
        }
      }
      return -1;
    }

    /** The index of {@code \)} closing math that starts at {@code i}, or -1. */
    private int closingParen(int i) {
      for (int j = i; j + 1 < n; j++) {
        if (in[j] == '\\') {
          if (in[j + 1] == ')') return j;
          j++;
        }
      }
      return -1;
    }

    /** A backslash at {@code i}, in text mode or in math. */
    private int command(int i, boolean inMath) {
      if (i + 1 >= n) {
        put('\\', i, i + 1);
        return i + 1;
      }
      char c = in[i + 1];
      if (isAsciiLetter(c)) return controlWord(i, inMath);
      int accent = letter(i);
      if (accent > 0) {
        put(decoded, i, accent);
        return accent;
      }
      switch (c) {
        case '&', '%', '$', '#', '_', '{', '}' -> {
          put(c, i, i + 2);
          return i + 2;
        }
        case ' ', ',', ';', ':', '\\' -> {
          space(i, i + 2, inMath);
          return i + 2;
        }
        case '!', '-', '/', '@' -> {
          return i + 2; // a negative thin space, a hyphenation point, an italic correction: nothing to read
        }
        case '(' -> {
          if (inMath) break;
          int close = closingParen(i + 2);
          if (close < 0) break;
          return math(i, 2, close, 2);
        }
        case '|' -> {
          if (!inMath) break;
          space(i, i + 2, true);
          return i + 2;
        }
        default -> { }
      }
      // a control symbol with no meaning here (\) outside math, \( never closed): kept as written
      put('\\', i, i + 1);
      return i + 1;
    }

    /** A command whose name is letters, {@code \name}, at {@code i}. */
    private int controlWord(int i, boolean inMath) {
      int j = i + 1;
      while (j < n && isAsciiLetter(in[j])) j++;
      String name = new String(in, i + 1, j - i - 1);
      int accent = letter(i);
      if (accent > 0) {
        put(decoded, i, accent);
        // TeX reads the spaces after a command's name as part of it: "Bj\o rn" is Bjørn
        return LETTERS.containsKey(name) ? skipSpaces(accent) : accent;
      }
      if (FORMATTING.contains(name)) return skipSpaces(j);
      if (inMath && SPACES.contains(name)) {
        space(i, j, true);
        return j;
      }
      String symbol = inMath ? null : SYMBOLS.get(name);
      if (symbol != null) {
        put(symbol, i, j);
        return j;
      }
      if (search) {
        word(i, j);
        return j;
      }
      // unknown outside math (\cite{x}): kept as written, with its arguments
      for (int k = i; k < j; k++) put(in[k], k, k + 1);
      while (j < n && in[j] == '{') {
        int close = closingBrace(j);
        if (close < 0) break;
        for (int k = j; k <= close; k++) put(in[k], k, k + 1);
        j = close + 1;
      }
      return j;
    }

    private int closingBrace(int i) {
      int open = 0;
      for (int j = i; j < n; j++) {
        char c = in[j];
        if (c == '\\') {
          j++;
        } else if (c == '{') {
          open++;
        } else if (c == '}' && --open == 0) {
          return j;
        }
      }
      return -1;
    }

    private int skipSpaces(int i) {
      while (i < n && in[i] == ' ') i++;
      return i;
    }

    /**
     * An accent or a special letter at the backslash {@code i}: {@code \"o}, {@code \'{e}}, {@code \v{s}},
     * {@code \c c}, {@code \'\i}, {@code \ss}, {@code \o}. Returns the end, with {@link #decoded} set, or -1
     * when there is none there.
     */
    private int letter(int i) {
      if (i + 1 >= n) return -1;
      char c = in[i + 1];
      int symbol = SYMBOL_ACCENTS.indexOf(c);
      if (symbol >= 0) return accented(i + 2, SYMBOL_MARKS.charAt(symbol), false);
      if (!isAsciiLetter(c)) return -1;
      int j = i + 1;
      while (j < n && isAsciiLetter(in[j])) j++;
      if (j == i + 2) {
        int mark = LETTER_ACCENTS.indexOf(c);
        if (mark >= 0) return accented(j, LETTER_MARKS.charAt(mark), true);
      }
      String special = LETTERS.get(new String(in, i + 1, j - i - 1));
      if (special == null) return -1;
      decoded = special;
      return j;
    }

    /** What an accent sits on, at {@code i}: a letter, {@code {x}}, {@code \i} or {@code {\i}}. */
    private int accented(int i, char mark, boolean afterLetters) {
      if (afterLetters) i = skipSpaces(i); // "\v s" is š, as "\v{s}"
      if (i >= n) return -1;
      char base;
      int end;
      if (in[i] == '{') {
        if (i + 2 < n && isLetter(in[i + 1]) && in[i + 2] == '}') {
          base = in[i + 1];
          end = i + 3;
        } else if (i + 3 < n && dotless(i + 1) && in[i + 3] == '}') {
          base = in[i + 2];
          end = i + 4;
        } else {
          return -1;
        }
      } else if (isLetter(in[i])) {
        base = in[i];
        end = i + 1;
      } else if (dotless(i)) {
        base = in[i + 1];
        end = skipSpaces(i + 2); // \i is a command's name: the spaces after it are part of it
      } else {
        return -1;
      }
      decoded = Normalizer.normalize(String.valueOf(base) + mark, Normalizer.Form.NFC);
      return end;
    }

    /** {@code \i} or {@code \j} at {@code i}, not the start of a longer command. */
    private boolean dotless(int i) {
      return i + 1 < n && in[i] == '\\' && (in[i + 1] == 'i' || in[i + 1] == 'j')
          && (i + 2 >= n || !isAsciiLetter(in[i + 2]));
    }

    /**
     * Math from {@code open} (its delimiter {@code openLen} long) to {@code close} (its delimiter
     * {@code closeLen} long): copied as written for a reader, turned into words for search.
     */
    private int math(int open, int openLen, int close, int closeLen) {
      int end = close + closeLen;
      if (!search) {
        for (int k = open; k < end; k++) put(in[k], k, k + 1);
        return end;
      }
      soft(open, open + openLen);
      int i = open + openLen;
      while (i < close) i = inMath(i, close);
      if (glueRight && softSpaces == 0 && len > 0) to[len - 1] = end; // WSe$_{2}$: the word takes in "}$"
      soft(close, end);
      return end;
    }

    /** Decodes what starts at {@code i} in math, for search. */
    private int inMath(int i, int close) {
      char c = in[i];
      switch (c) {
        case '\\' -> {
          return command(i, true);
        }
        case '_' -> {
          int end = subscript(i);
          if (end > 0) return end;
          soft(i, i + 1);
          return i + 1;
        }
        case '^', '{', '}', '~', '&' -> {
          soft(i, i + 1);
          return i + 1;
        }
        default -> {
          return run(i, close, true);
        }
      }
    }

    /**
     * A subscript of plain letters or digits ({@code _2}, {@code _{2}}, {@code _{c}}) after a plain word:
     * joined to it, as H2 or Tc is typed. Returns its end, or -1 when it is anything else.
     */
    private int subscript(int i) {
      int first;
      int last;
      int end;
      if (i + 1 < n && isAsciiLetterOrDigit(in[i + 1])) {
        first = i + 1;
        last = i + 2;
        end = i + 2;
      } else if (i + 1 < n && in[i + 1] == '{') {
        int j = i + 2;
        while (j < n && isAsciiLetterOrDigit(in[j])) j++;
        if (j == i + 2 || j >= n || in[j] != '}') return -1;
        first = i + 2;
        last = j;
        end = j + 1;
      } else {
        return -1;
      }
      int base = len - softSpaces - 1;
      if (base < 0 || commandWord || !Character.isLetterOrDigit(out[base])) return -1;
      truncate(len - softSpaces); // the markup between the word and its subscript ("}" of \mathrm{MoS}, "$" of WSe$_2$)
      softSpaces = 0;
      for (int k = first; k < last; k++) put(in[k], k, k + 1);
      to[len - 1] = end;
      glueRight = true;
      return end;
    }

    /** A command's name as a word of its own ({@code \alpha} is alpha), found at the backslash. */
    private void word(int i, int j) {
      if (len > 0 && softSpaces == 0 && Character.isLetterOrDigit(out[len - 1])) append(' ', i, i);
      for (int k = i + 1; k < j; k++) put(in[k], k == i + 1 ? i : k, k + 1);
      commandWord = true;
      separateNext = true;
    }

    private void space(int i, int j, boolean inMath) {
      if (inMath) {
        soft(i, j);
      } else {
        put(' ', i, j);
      }
    }

    /** A space made from markup, which a joining subscript may take back. */
    private void soft(int i, int j) {
      append(' ', i, j);
      softSpaces++;
    }

    private void put(String s, int i, int j) {
      for (int k = 0; k < s.length(); k++) put(s.charAt(k), i, j);
    }

    private void put(char c, int i, int j) {
      if (Character.isLetterOrDigit(c)) {
        if (glueRight && softSpaces > 0) {
          truncate(len - softSpaces); // H$_2$O: the math's end does not split the word
        } else if (separateNext && softSpaces == 0 && len > 0 && Character.isLetterOrDigit(out[len - 1])) {
          append(' ', i, i);
        }
        commandWord = false;
      }
      glueRight = false;
      separateNext = false;
      softSpaces = 0;
      append(c, i, j);
    }

    private void append(char c, int i, int j) {
      ensure(len + 1);
      out[len] = c;
      if (search) {
        from[len] = i;
        to[len] = j;
        if (singleCount == singles.length) singles = Arrays.copyOf(singles, singleCount * 2);
        singles[singleCount++] = len;
      }
      len++;
    }

    /** Output taken back (the spaces before a joining subscript): so are its offsets. */
    private void truncate(int length) {
      len = length;
      if (search) {
        while (singleCount > 0 && singles[singleCount - 1] >= length) singleCount--;
      }
    }

    private void ensure(int size) {
      if (size <= out.length) return;
      int grown = Math.max(size, out.length * 2);
      out = Arrays.copyOf(out, grown);
      if (search) {
        from = Arrays.copyOf(from, grown);
        to = Arrays.copyOf(to, grown);
      }
    }

    Decoded decoded() {
      Corrections c = new Corrections();
      // the difference can change only at a character output by itself or right after one, and at the end
      for (int k = 0; k < singleCount; k++) {
        c.at(singles[k]);
        if (singles[k] + 1 < len) c.at(singles[k] + 1);
      }
      c.at(len);
      return new Decoded(out, len, c.at, c.diffs, c.size);
    }

    /** The difference points of {@link #decoded}, found in increasing order of output offset. */
    private final class Corrections {
      int[] at = new int[8];
      int[] diffs = new int[8];
      int size;
      int diff;
      int last = -1;

      void at(int i) {
        if (i <= last) return;
        last = i;
        int source;
        if (i == 0) {
          source = len == 0 ? 0 : from[0];
        } else if (i == len) {
          source = to[i - 1];
        } else {
          // where the character before ends is where this one starts, in every run of plain text
          source = from[i] == to[i - 1] || Character.isLetterOrDigit(out[i]) ? from[i] : to[i - 1];
        }
        if (source - i == diff) return;
        if (size == at.length) {
          at = Arrays.copyOf(at, size * 2);
          diffs = Arrays.copyOf(diffs, size * 2);
        }
        diff = source - i;
        at[size] = i;
        diffs[size++] = diff;
      }
    }
  }

  private static final boolean[] SEARCH_SPECIAL = ascii("\\${}~");
  private static final boolean[] DISPLAY_SPECIAL = ascii("\\${}~-`'");
  private static final boolean[] LETTERS_SPECIAL = ascii("\\{");
  private static final boolean[] MATH_SPECIAL = ascii("\\_^{}~&");

  private static boolean[] ascii(String chars) {
    boolean[] table = new boolean[128];
    for (char c : chars.toCharArray()) table[c] = true;
    return table;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return Character.isLetter(c);
  }
}
