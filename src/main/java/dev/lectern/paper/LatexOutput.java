package dev.lectern.paper;

import java.util.Arrays;

/**
 * What {@link LatexDecoder} writes: the decoded text, where each character of it came from in the
 * input (when asked: for search, and for a reader's text that is to be marked), where math is (a
 * reader's text), and whether the next letter joins the word before it or starts another.
 */
final class LatexOutput {
  /** Whether {@link #from} and {@link #to} are kept. */
  private final boolean offsets;

  /**
   * Whether they are kept for every character, not only the ends of runs: a reader's text maps
   * marks character by character, while search, which decodes every abstract, keeps what it needs.
   */
  private final boolean everyOffset;

  private char[] chars;
  private int len;

  /**
   * Where the input that made each output character starts and ends (when {@link #offsets}): set
   * for the characters in {@link #singles} and for both ends of each run copied in bulk, which is
   * all {@link #decoded} reads, or for every character ({@link #everyOffset}).
   */
  private int[] from;

  private int[] to;

  /**
   * Output offsets of the characters output one by one (when {@link #offsets}): everything else was
   * copied in runs, whose offsets differ from the input's by the same amount as their first
   * character's.
   */
  private int[] singles;

  private int singleCount;

  /** Math left as written for a reader: output offsets, a start and an end for each. */
  private int[] math = new int[0];

  private int mathCount;

  /**
   * Trailing output characters that are spaces made from markup: a subscript joining its word takes
   * them back.
   */
  private int softSpaces;

  /** The output ends with a joined subscript: a letter right after the math joins the same word. */
  private boolean glueRight;

  /** The last word output is a command's name ({@code \alpha}): a subscript does not join it. */
  private boolean commandWord;

  /** A command's name was just output: a letter after it starts another word. */
  private boolean separateNext;

  /**
   * Room for {@code capacity} characters to start with; input offsets kept only when {@code
   * offsets}, and for every character only when {@code everyOffset} too.
   */
  LatexOutput(int capacity, boolean offsets, boolean everyOffset) {
    this.offsets = offsets;
    this.everyOffset = offsets && everyOffset;
    this.chars = new char[capacity];
    if (offsets) {
      from = new int[capacity];
      to = new int[capacity];
      singles = new int[64];
    }
  }

  /**
   * The character {@code c}, made from {@code input[i, j)}, joined to or separated from what came
   * before.
   */
  void put(char c, int i, int j) {
    if (Character.isLetterOrDigit(c)) {
      if (glueRight && softSpaces > 0) {
        truncate(len - softSpaces); // H$_2$O: the math's end does not split the word
      } else if (separateNext
          && softSpaces == 0
          && len > 0
          && Character.isLetterOrDigit(chars[len - 1])) {
        append(' ', i, i);
      }
      commandWord = false;
    }
    glueRight = false;
    separateNext = false;
    softSpaces = 0;
    append(c, i, j);
  }

  /** Each character of {@code s}, all made from {@code input[i, j)}. */
  void put(String s, int i, int j) {
    for (int k = 0; k < s.length(); k++) put(s.charAt(k), i, j);
  }

  /**
   * {@code in[start, end)} copied as it is, in bulk: the rest of a run of plain text whose first
   * character went through {@link #put(char, int, int)}.
   */
  void copy(char[] in, int start, int end) {
    int count = end - start;
    if (count <= 0) return;
    ensure(len + count);
    System.arraycopy(in, start, chars, len, count);
    if (everyOffset) {
      for (int k = 0; k < count; k++) {
        from[len + k] = start + k;
        to[len + k] = start + k + 1;
      }
    } else if (offsets) {
      // the run maps one to one: its ends are all decoded() reads of it
      from[len] = start;
      to[len] = start + 1;
      from[len + count - 1] = end - 1;
      to[len + count - 1] = end;
    }
    len += count;
    commandWord = false; // what a subscript would follow is plain text now (or not a word at all)
  }

  /** A space made from markup, which a joining subscript may take back. */
  void soft(int i, int j) {
    append(' ', i, j);
    softSpaces++;
  }

  /**
   * A command's name as a word of its own ({@code \alpha} is alpha), {@code in[i, j)} from the
   * backslash.
   */
  void commandName(char[] in, int i, int j) {
    if (len > 0 && softSpaces == 0 && Character.isLetterOrDigit(chars[len - 1])) append(' ', i, i);
    for (int k = i + 1; k < j; k++) put(in[k], k == i + 1 ? i : k, k + 1);
    commandWord = true;
    separateNext = true;
  }

  /**
   * The subscript {@code in[first, last)}, whose markup ends at {@code end}, joined to the plain
   * word before it, as H2 or Tc is typed. Returns false, writing nothing, when there is no such
   * word.
   */
  boolean joinSubscript(char[] in, int first, int last, int end) {
    int base = len - softSpaces - 1;
    if (base < 0 || commandWord || !Character.isLetterOrDigit(chars[base])) return false;
    truncate(
        len - softSpaces); // the markup between the word and its subscript ("}" of \mathrm{MoS},
    // "$" of WSe$_2$)
    softSpaces = 0;
    for (int k = first; k < last; k++) put(in[k], k, k + 1);
    to[len - 1] = end;
    glueRight = true;
    return true;
  }

  /** The closing delimiter of math, {@code input[close, end)}. */
  void closeMath(int close, int end) {
    if (glueRight && softSpaces == 0 && len > 0)
      to[len - 1] = end; // WSe$_{2}$: the word takes in "}$"
    soft(close, end);
  }

  /** Math from output offset {@code start} to here, left as written for a reader. */
  void math(int start) {
    if (mathCount + 2 > math.length) math = Arrays.copyOf(math, Math.max(8, math.length * 2));
    math[mathCount++] = start;
    math[mathCount++] = len;
  }

  int length() {
    return len;
  }

  private void append(char c, int i, int j) {
    ensure(len + 1);
    chars[len] = c;
    if (offsets) {
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
    if (offsets) {
      while (singleCount > 0 && singles[singleCount - 1] >= length) singleCount--;
    }
  }

  private void ensure(int size) {
    if (size <= chars.length) return;
    int grown = Math.max(size, chars.length * 2);
    chars = Arrays.copyOf(chars, grown);
    if (offsets) {
      from = Arrays.copyOf(from, grown);
      to = Arrays.copyOf(to, grown);
    }
  }

  String text() {
    return new String(chars, 0, len);
  }

  /**
   * A reader's text with every character's offsets and its math (kept with {@link #everyOffset}).
   */
  DisplayText display() {
    return new DisplayText(
        text(), Arrays.copyOf(from, len), Arrays.copyOf(to, len), Arrays.copyOf(math, mathCount));
  }

  /** The text with its offsets (kept with {@link #offsets}). */
  Latex.Decoded decoded() {
    Corrections c = new Corrections();
    // the difference can change only at a character output by itself or right after one, and at the
    // end
    for (int k = 0; k < singleCount; k++) {
      c.at(singles[k]);
      if (singles[k] + 1 < len) c.at(singles[k] + 1);
    }
    c.at(len);
    return new Latex.Decoded(chars, len, c.at, c.diffs, c.size);
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
        source = from[i] == to[i - 1] || Character.isLetterOrDigit(chars[i]) ? from[i] : to[i - 1];
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
