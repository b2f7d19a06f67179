package dev.lectern.index;

import dev.lectern.paper.Latex;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Decodes LaTeX before the tokenizer sees it ({@link Latex#forSearch}), keeping the offsets of the raw text:
 * the highlighter marks the stored text, which stays raw, so a match on "Gröbner" must mark {@code Gr\"obner}.
 * A field value is read whole (titles and abstracts are short); one without a backslash, dollar or brace is
 * passed on as it is, with no offset map.
 */
final class LatexCharFilter extends BaseCharFilter {
  private char[] text;
  private int length = -1;
  private int pos;

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
    Latex.Decoded decoded = Latex.forSearch(raw, n);
    text = decoded.text();
    length = decoded.length();
    int diff = 0;
    for (int i = 0; i <= length; i++) {
      int d = decoded.sourceOffset(i) - i;
      if (d != diff) {
        addOffCorrectMap(i, d);
        diff = d;
      }
    }
  }
}
