package dev.lectern.index;

import dev.lectern.paper.Latex;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.CharFilter;

/**
 * Decodes LaTeX before the tokenizer sees it ({@link Latex#forSearch}), keeping the offsets of the
 * raw text: the highlighter marks the stored text, which stays raw, so a match on "Gröbner" must
 * mark {@code Gr\"obner}. A field value is read whole (titles and abstracts are short); one without
 * a backslash, dollar or brace is passed on as it is, with no offset to correct.
 */
final class LatexCharFilter extends CharFilter {
  private char[] text;
  private int length = -1;
  private int pos;
  private Latex.Decoded decoded;

  /** The last correction point used: the tokenizer asks for offsets in increasing order. */
  private int cursor = -1;

  LatexCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] buffer, int off, int len) throws IOException {
    if (length < 0) load();
    if (pos >= length) return -1;
    int n = Math.min(len, length - pos);
    System.arraycopy(text, pos, buffer, off, n);
    pos += n;
    return n;
  }

  private void load() throws IOException {
    char[] raw = new char[1024];
    int n = 0;
    for (int r; (r = input.read(raw, n, raw.length - n)) != -1; ) {
      n += r;
      if (n == raw.length) raw = Arrays.copyOf(raw, raw.length * 2);
    }
    if (!Latex.mayHoldMarkup(raw, 0, n)) {
      text = raw;
      length = n;
      return;
    }
    decoded = Latex.forSearch(raw, n);
    text = decoded.text();
    length = decoded.length();
  }

  @Override
  protected int correct(int offset) {
    Latex.Decoded d = decoded;
    if (d == null || d.corrections() == 0) return offset;
    int[] at = d.correctionAt();
    if (cursor >= 0 && at[cursor] > offset)
      cursor = -1; // asked out of order: search from the start
    while (cursor + 1 < d.corrections() && at[cursor + 1] <= offset) cursor++;
    return cursor < 0 ? offset : offset + d.correctionDiff()[cursor];
  }
}
