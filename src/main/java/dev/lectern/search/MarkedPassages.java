package dev.lectern.search;

import dev.lectern.paper.DisplayText;
import dev.lectern.paper.Latex;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * A field's passages as HTML, marked where the query matched, with the LaTeX decoded as a reader
 * expects it. The highlighter's offsets point into the raw text ({@code Gr\"obner}), so the text is
 * decoded once with where each letter came from, and each passage and match is moved onto the
 * decoded letters (Gröbner). Math stays as written, for the page to render: a match inside a
 * formula ({@code \Lambda} of {@code $\Lambda_{\alpha}$}) marks the whole formula, and a passage
 * never ends inside one, so the marks and the math spans nest.
 */
final class MarkedPassages extends PassageFormatter {
  private static final String ELLIPSIS = " … ";

  @Override
  public String format(Passage[] passages, String content) {
    DisplayText text = Latex.display(content);
    DisplayHtml html = new DisplayHtml(text);
    int written = 0;
    for (Passage p : passages) {
      int start = Math.max(written, text.startOutsideMath(text.startOf(p.getStartOffset())));
      int end = Math.max(start, text.endOutsideMath(text.endOf(p.getEndOffset())));
      if (start > written && written > 0) html.raw(ELLIPSIS);
      int at = start;
      int[] starts = p.getMatchStarts();
      int[] ends = p.getMatchEnds();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int from = Math.max(at, text.startOutsideMath(text.startOf(starts[i])));
        int to = Math.min(end, text.endOutsideMath(text.endOf(ends[i])));
        // matches that overlap this one, or touch the same formula, are marked with it
        while (i + 1 < p.getNumMatches()
            && text.startOutsideMath(text.startOf(starts[i + 1])) < to) {
          i++;
          to = Math.max(to, Math.min(end, text.endOutsideMath(text.endOf(ends[i]))));
        }
        if (to <= from) continue;
        html.text(at, from).wrapped(Snippets.OPEN, from, to, Snippets.CLOSE);
        at = to;
      }
      html.text(at, end);
      written = end;
    }
    return html.toString();
  }
}
