package dev.lectern.paper;

import static dev.lectern.paper.LatexCommands.isAsciiLetter;
import static dev.lectern.paper.LatexCommands.skipSpaces;

import java.text.Normalizer;

/**
 * Reads the accents and special letters of an input, {@code \"o}, {@code \v{s}}, {@code {\ss}}:
 * where one ends and the letter it stands for, {@link #decoded}.
 */
final class LatexLetters {
  private final char[] in;
  private final int n;

  /** The letter last read: set by {@link #letter} and {@link #braced} when they find one. */
  String decoded;

  LatexLetters(char[] in, int n) {
    this.in = in;
    this.n = n;
  }

  /**
   * An accent or a special letter at the backslash {@code i}: {@code \"o}, {@code \'{e}}, {@code
   * \v{s}}, {@code \c c}, {@code \'\i}, {@code \ss}, {@code \o}. Returns the end, with {@link
   * #decoded} set, or -1 when there is none there.
   */
  int letter(int i) {
    if (i + 1 >= n) return -1;
    char c = in[i + 1];
    char symbolMark = LatexCommands.symbolAccentMark(c);
    if (symbolMark != 0) return accented(i + 2, symbolMark, false);
    if (!isAsciiLetter(c)) return -1;
    int j = i + 1;
    while (j < n && isAsciiLetter(in[j])) j++;
    if (j == i + 2) {
      char letterMark = LatexCommands.letterAccentMark(c);
      if (letterMark != 0) return accented(j, letterMark, true);
    }
    String special = LatexCommands.letter(new String(in, i + 1, j - i - 1));
    if (special == null) return -1;
    decoded = special;
    return j;
  }

  /**
   * A braced accent or special letter, {@code {\"o}}, {@code {\"{o}}}, {@code {\ss}}: one letter,
   * so its braces do not end a word. Returns the end of the group with {@link #decoded} set, or -1.
   */
  int braced(int i) {
    if (i + 1 >= n || in[i + 1] != '\\') return -1;
    int end = letter(i + 1);
    return end > 0 && end < n && in[end] == '}' ? end + 1 : -1;
  }

  /** What an accent sits on, at {@code i}: a letter, {@code {x}}, {@code \i} or {@code {\i}}. */
  private int accented(int i, char mark, boolean afterLetters) {
    if (afterLetters) i = skipSpaces(in, n, i); // "\v s" is š, as "\v{s}"
    if (i >= n) return -1;
    char base;
    int end;
    if (in[i] == '{') {
      if (i + 2 < n && Character.isLetter(in[i + 1]) && in[i + 2] == '}') {
        base = in[i + 1];
        end = i + 3;
      } else if (i + 3 < n && dotless(i + 1) && in[i + 3] == '}') {
        base = in[i + 2];
        end = i + 4;
      } else {
        return -1;
      }
    } else if (Character.isLetter(in[i])) {
      base = in[i];
      end = i + 1;
    } else if (dotless(i)) {
      base = in[i + 1];
      end = skipSpaces(in, n, i + 2); // \i is a command's name: the spaces after it are part of it
    } else {
      return -1;
    }
    decoded = Normalizer.normalize(String.valueOf(base) + mark, Normalizer.Form.NFC);
    return end;
  }

  /** {@code \i} or {@code \j} at {@code i}, not the start of a longer command. */
  private boolean dotless(int i) {
    return i + 1 < n
        && in[i] == '\\'
        && (in[i + 1] == 'i' || in[i + 1] == 'j')
        && (i + 2 >= n || !isAsciiLetter(in[i + 2]));
  }
}
