package dev.lectern.paper;

import static dev.lectern.paper.LatexCommands.isAsciiLetter;
import static dev.lectern.paper.LatexCommands.isAsciiLetterOrDigit;

/**
 * One pass over LaTeX input into a {@link LatexOutput}, in one of {@link Latex}'s readings: it
 * tells text from math and markup from plain runs, and the output decides how what it reads joins
 * into words.
 */
final class LatexDecoder {
  enum Mode {
    DISPLAY,
    SEARCH,
    LETTERS
  }

  private final char[] in;
  private final int n;
  private final boolean search;
  private final boolean lettersOnly;
  private final LatexOutput out;
  private final LatexLetters letters;

  /** The characters that may start markup outside math, in this mode. */
  private final boolean[] plainSpecial;

  /** Depth of text-mode braces: a closing brace with none open is a character of the text. */
  private int depth;

  private LatexDecoder(char[] in, int n, Mode mode, boolean displayOffsets) {
    this.in = in;
    this.n = n;
    this.search = mode == Mode.SEARCH;
    this.lettersOnly = mode == Mode.LETTERS;
    this.out = new LatexOutput(n + 16, search || displayOffsets, displayOffsets);
    this.letters = new LatexLetters(in, n);
    this.plainSpecial =
        lettersOnly
            ? LatexCommands.LETTERS_SPECIAL
            : search ? LatexCommands.SEARCH_SPECIAL : LatexCommands.DISPLAY_SPECIAL;
  }

  /** {@code in[0, n)} decoded; not changed. */
  static LatexOutput decode(char[] in, int n, Mode mode) {
    return decode(new LatexDecoder(in, n, mode, false));
  }

  /** {@code in[0, n)} decoded for a reader, with every character's offsets and the math. */
  static DisplayText display(char[] in, int n) {
    return decode(new LatexDecoder(in, n, Mode.DISPLAY, true)).display();
  }

  private static LatexOutput decode(LatexDecoder d) {
    int i = 0;
    while (i < d.n) i = d.text(i);
    return d.out;
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
        int close = LatexDelimiters.closingDollars(in, n, i + delim, delim);
        if (close < 0) break; // unclosed: a dollar sign
        return math(i, delim, close, delim);
      }
      case '{' -> {
        int unit = letters.braced(i);
        if (unit > 0) {
          out.put(letters.decoded, i, unit);
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
        out.put(' ', i, i + 1);
        return i + 1;
      }
      case '-' -> {
        if (!search && i + 1 < n && in[i + 1] == '-') {
          boolean em = i + 2 < n && in[i + 2] == '-';
          out.put(em ? '—' : '–', i, i + (em ? 3 : 2));
          return i + (em ? 3 : 2);
        }
      }
      case '`', '\'' -> {
        if (!search && i + 1 < n && in[i + 1] == c) {
          out.put(c == '`' ? '“' : '”', i, i + 2);
          return i + 2;
        }
      }
      default -> {
        return run(i, n, false);
      }
    }
    out.put(c, i, i + 1);
    return i + 1;
  }

  /**
   * The characters from {@code i} up to the next one that may be markup (before {@code limit}):
   * copied as they are, most of any text, so in bulk. The first goes through {@link
   * LatexOutput#put(char, int, int)}, which joins or separates it from what came before.
   */
  private int run(int i, int limit, boolean inMath) {
    boolean[] special = inMath ? LatexCommands.MATH_SPECIAL : plainSpecial;
    int j = i + 1;
    while (j < limit && !(in[j] < 128 && special[in[j]])) j++;
    out.put(in[i], i, i + 1);
    out.copy(in, i + 1, j);
    return j;
  }

  private int letterOnly(int i) {
    int end = in[i] == '{' ? letters.braced(i) : in[i] == '\\' ? letters.letter(i) : -1;
    if (end < 0) return run(i, n, false);
    out.put(letters.decoded, i, end);
    return in[i] == '\\'
            && end < n
            && in[end] == ' '
            && LatexCommands.isLetter(new String(in, i + 1, end - i - 1))
        ? skipSpaces(end)
        : end;
  }

  /** A backslash at {@code i}, in text mode or in math. */
  private int command(int i, boolean inMath) {
    if (i + 1 >= n) {
      out.put('\\', i, i + 1);
      return i + 1;
    }
    char c = in[i + 1];
    if (isAsciiLetter(c)) return controlWord(i, inMath);
    int accent = letters.letter(i);
    if (accent > 0) {
      out.put(letters.decoded, i, accent);
      return accent;
    }
    switch (c) {
      case '&', '%', '$', '#', '_', '{', '}' -> {
        out.put(c, i, i + 2);
        return i + 2;
      }
      case ' ', ',', ';', ':', '\\' -> {
        space(i, i + 2, inMath);
        return i + 2;
      }
      case '!', '-', '/', '@' -> {
        return i
            + 2; // a negative thin space, a hyphenation point, an italic correction: nothing to
        // read
      }
      case '(' -> {
        if (inMath) break;
        int close = LatexDelimiters.closingParen(in, n, i + 2);
        if (close < 0) break;
        return math(i, 2, close, 2);
      }
      case '|' -> {
        if (!inMath) break;
        space(i, i + 2, true);
        return i + 2;
      }
      default -> {}
    }
    // a control symbol with no meaning here (\) outside math, \( never closed): kept as written
    out.put('\\', i, i + 1);
    return i + 1;
  }

  /** A command whose name is letters, {@code \name}, at {@code i}. */
  private int controlWord(int i, boolean inMath) {
    int j = i + 1;
    while (j < n && isAsciiLetter(in[j])) j++;
    String name = new String(in, i + 1, j - i - 1);
    int accent = letters.letter(i);
    if (accent > 0) {
      out.put(letters.decoded, i, accent);
      // TeX reads the spaces after a command's name as part of it: "Bj\o rn" is Bjørn
      return LatexCommands.isLetter(name) ? skipSpaces(accent) : accent;
    }
    if (LatexCommands.isFormatting(name)) return skipSpaces(j);
    if (inMath && LatexCommands.isMathSpace(name)) {
      space(i, j, true);
      return j;
    }
    String symbol = inMath ? null : LatexCommands.symbol(name);
    if (symbol != null) {
      out.put(symbol, i, j);
      return skipSpaces(j); // as TeX reads it: \textquotedblleft x is “x
    }
    if (search) {
      out.commandName(in, i, j);
      return j;
    }
    // unknown outside math (\cite{x}): kept as written, with its arguments
    for (int k = i; k < j; k++) out.put(in[k], k, k + 1);
    while (j < n && in[j] == '{') {
      int close = LatexDelimiters.closingBrace(in, n, j);
      if (close < 0) break;
      for (int k = j; k <= close; k++) out.put(in[k], k, k + 1);
      j = close + 1;
    }
    return j;
  }

  private int skipSpaces(int i) {
    return LatexCommands.skipSpaces(in, n, i);
  }

  /**
   * Math from {@code open} (its delimiter {@code openLen} long) to {@code close} (its delimiter
   * {@code closeLen} long): copied as written for a reader, turned into words for search.
   */
  private int math(int open, int openLen, int close, int closeLen) {
    int end = close + closeLen;
    if (!search) {
      int start = out.length();
      for (int k = open; k < end; k++) out.put(in[k], k, k + 1);
      out.math(start);
      return end;
    }
    out.soft(open, open + openLen);
    int i = open + openLen;
    while (i < close) i = inMath(i, close);
    out.closeMath(close, end);
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
        out.soft(i, i + 1);
        return i + 1;
      }
      case '^', '{', '}', '~', '&' -> {
        out.soft(i, i + 1);
        return i + 1;
      }
      default -> {
        return run(i, close, true);
      }
    }
  }

  /**
   * A subscript of plain letters or digits ({@code _2}, {@code _{2}}, {@code _{c}}) after a plain
   * word: joined to it, as H2 or Tc is typed. Returns its end, or -1 when it is anything else.
   */
  private int subscript(int i) {
    if (i + 1 < n && isAsciiLetterOrDigit(in[i + 1])) {
      return out.joinSubscript(in, i + 1, i + 2, i + 2) ? i + 2 : -1;
    }
    if (i + 1 < n && in[i + 1] == '{') {
      int j = i + 2;
      while (j < n && isAsciiLetterOrDigit(in[j])) j++;
      if (j == i + 2 || j >= n || in[j] != '}') return -1;
      return out.joinSubscript(in, i + 2, j, j + 1) ? j + 1 : -1;
    }
    return -1;
  }

  private void space(int i, int j, boolean inMath) {
    if (inMath) {
      out.soft(i, j);
    } else {
      out.put(' ', i, j);
    }
  }
}
