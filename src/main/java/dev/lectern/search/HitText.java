package dev.lectern.search;

import dev.lectern.paper.DisplayText;
import dev.lectern.paper.Latex;

/**
 * The text of a paper as a page shows it: LaTeX decoded for a reader ({@link Latex#display}),
 * HTML-escaped, math in {@code <span class="math">} for the page's script to render; and an
 * abstract's opening.
 */
public final class HitText {
  private HitText() {}

  /** The opening of a text, cut at a word near {@code chars}, with an ellipsis when cut. */
  public static String opening(String text, int chars) {
    if (text == null) return "";
    if (text.length() <= chars) return text;
    int cut = text.lastIndexOf(' ', chars);
    return text.substring(0, cut > chars / 2 ? cut : chars) + " …";
  }

  /** Raw (LaTeX) text as HTML: decoded, escaped, its math in spans; empty for null. */
  public static String html(String raw) {
    if (raw == null) return "";
    DisplayText d = Latex.display(raw);
    return new DisplayHtml(d).text(0, d.length()).toString();
  }

  /**
   * The opening of raw (LaTeX) text as HTML, as {@link #html}: cut at a word near {@code chars} of
   * the decoded text, never inside a formula, with an ellipsis when cut.
   */
  public static String openingHtml(String raw, int chars) {
    return abstractHtml(raw, chars).openingHtml();
  }

  /**
   * An abstract as a list shows it: its opening ({@link #openingHtml}) and, when that was cut, the
   * whole of it ({@link #html}), from one decoding.
   *
   * @param fullHtml the whole text, null when the opening is all of it
   */
  public record Abstract(String openingHtml, String fullHtml) {}

  /** Raw (LaTeX) text's opening near {@code chars} and, when cut, all of it: both as HTML. */
  public static Abstract abstractHtml(String raw, int chars) {
    if (raw == null) return new Abstract("", null);
    DisplayText d = Latex.display(raw);
    String text = d.text();
    int cut = text.length();
    if (cut > chars) {
      int space = text.lastIndexOf(' ', chars);
      cut = space > chars / 2 ? space : chars;
      if (Character.isLowSurrogate(text.charAt(cut))) cut--;
      int before = d.startOutsideMath(cut);
      cut = before > chars / 2 ? before : d.endOutsideMath(cut);
      while (cut > 0 && text.charAt(cut - 1) == ' ') cut--;
    }
    DisplayHtml opening = new DisplayHtml(d).text(0, cut);
    if (cut >= text.length()) return new Abstract(opening.toString(), null);
    return new Abstract(
        opening.raw(" …").toString(), new DisplayHtml(d).text(0, d.length()).toString());
  }

  /** The text escaped for HTML, as the marked titles and snippets of hits are. */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), b);
    return b.toString();
  }

  /** {@code s[from, to)} escaped for HTML onto {@code b}. */
  static void escape(String s, int from, int to, StringBuilder b) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#x27;");
        default -> b.append(c);
      }
    }
  }
}
