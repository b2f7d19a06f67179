package dev.lectern.paper;

/**
 * Text decoded for a reader ({@link Latex#display}) that still knows where each of its characters
 * came from and where its math is: marks made on the raw text, such as a search's matched words,
 * can be put on the decoded letters, and math handed to a renderer whole.
 *
 * @param text the text as {@link Latex#toUnicode} gives it
 * @param from where in the input the character at each offset of {@code text} starts
 * @param to where it ends: a decoded {@code \"o} is one character made of three
 * @param math the math, left as written with its delimiters: its {@code k}-th formula is {@code
 *     text[math[2k], math[2k + 1])}
 */
public record DisplayText(String text, int[] from, int[] to, int[] math) {
  /** Text without markup: every character is its own input. */
  static DisplayText plain(String text) {
    int n = text.length();
    int[] from = new int[n];
    int[] to = new int[n];
    for (int i = 0; i < n; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    return new DisplayText(text, from, to, new int[0]);
  }

  public int length() {
    return text.length();
  }

  /** The number of formulas. */
  public int formulas() {
    return math.length / 2;
  }

  public int formulaStart(int k) {
    return math[2 * k];
  }

  public int formulaEnd(int k) {
    return math[2 * k + 1];
  }

  /**
   * Where the decoded text of input from {@code inputStart} on begins: the first character made (if
   * only in part) of input at or after it.
   */
  public int startOf(int inputStart) {
    // to[] never decreases: the first character ending after inputStart
    int lo = 0;
    int hi = to.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (to[mid] > inputStart) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Where the decoded text of input before {@code inputEnd} ends: after the last character made (if
   * only in part) of input before it.
   */
  public int endOf(int inputEnd) {
    // from[] never decreases: the first character starting at or after inputEnd
    int lo = 0;
    int hi = from.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (from[mid] >= inputEnd) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** {@code at}, or the start of the formula it falls inside: a range starting there cuts none. */
  public int startOutsideMath(int at) {
    int k = formulaInside(at);
    return k < 0 ? at : formulaStart(k);
  }

  /** {@code at}, or the end of the formula it falls inside: a range ending there cuts none. */
  public int endOutsideMath(int at) {
    int k = formulaInside(at);
    return k < 0 ? at : formulaEnd(k);
  }

  /** The formula that {@code at} falls strictly inside (not on its ends), or -1. */
  private int formulaInside(int at) {
    for (int k = 0; k < formulas(); k++) {
      if (formulaStart(k) >= at) return -1;
      if (at < formulaEnd(k)) return k;
    }
    return -1;
  }
}
