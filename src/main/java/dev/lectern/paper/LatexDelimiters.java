package dev.lectern.paper;

/**
 * Where a delimited LaTeX construct closes: math, a braced argument. Each scan skips the character
 * after a backslash, so an escaped {@code \$} or {@code \}} closes nothing.
 */
final class LatexDelimiters {
  private LatexDelimiters() {}

  /** The index of the {@code delim} dollars closing math that starts at {@code in[i]}, or -1. */
  static int closingDollars(char[] in, int n, int i, int delim) {
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

  /** The index of {@code \)} closing math that starts at {@code in[i]}, or -1. */
  static int closingParen(char[] in, int n, int i) {
    for (int j = i; j + 1 < n; j++) {
      if (in[j] == '\\') {
        if (in[j + 1] == ')') return j;
        j++;
      }
    }
    return -1;
  }

  /** The index of the brace closing the one at {@code in[i]}, or -1. */
  static int closingBrace(char[] in, int n, int i) {
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
}
