package dev.lectern.search;

import dev.lectern.paper.DisplayText;

/**
 * Decoded text ({@link DisplayText}) as HTML: escaped, each formula in a {@code <span
 * class="math">} with its TeX as written, delimiters included, so a page reads without JavaScript
 * and a script can render exactly the math the decoder found (an escaped {@code \$} is a dollar
 * sign, not math). Ranges are written in order, and start and end outside formulas, so the spans
 * nest with the marks around them.
 */
final class DisplayHtml {
  static final String MATH_OPEN = "<span class=\"math\">";
  static final String MATH_CLOSE = "</span>";

  private final DisplayText text;
  private final StringBuilder out;
  private int formula; // the first formula not yet passed

  DisplayHtml(DisplayText text) {
    this.text = text;
    this.out = new StringBuilder(text.length() + 32);
  }

  /** The text {@code [from, to)}, escaped, its formulas in spans. */
  DisplayHtml text(int from, int to) {
    while (formula < text.formulas() && text.formulaEnd(formula) <= from) formula++;
    int at = from;
    while (formula < text.formulas() && text.formulaStart(formula) < to) {
      int start = Math.max(at, text.formulaStart(formula));
      int end = Math.min(to, text.formulaEnd(formula));
      escape(at, start);
      out.append(MATH_OPEN);
      escape(start, end);
      out.append(MATH_CLOSE);
      at = end;
      if (end < text.formulaEnd(formula)) break; // cut by the caller: the rest comes next time
      formula++;
    }
    escape(at, to);
    return this;
  }

  /** The text {@code [from, to)} in {@code open} and {@code close}. */
  DisplayHtml wrapped(String open, int from, int to, String close) {
    out.append(open);
    text(from, to);
    out.append(close);
    return this;
  }

  DisplayHtml raw(String html) {
    out.append(html);
    return this;
  }

  private void escape(int from, int to) {
    HitText.escape(text.text(), from, to, out);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
