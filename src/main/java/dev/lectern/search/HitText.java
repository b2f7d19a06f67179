package dev.lectern.search;

/** The text of a hit as a page shows it: HTML-escaped, and an abstract's opening. */
public final class HitText {
  private HitText() {}

  /** The opening of a text, cut at a word near {@code chars}, with an ellipsis when cut. */
  public static String opening(String text, int chars) {
    if (text == null) return "";
    if (text.length() <= chars) return text;
    int cut = text.lastIndexOf(' ', chars);
    return text.substring(0, cut > chars / 2 ? cut : chars) + " …";
  }

  /** The text escaped for HTML, as the marked titles and snippets of hits are. */
  public static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
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
    return b.toString();
  }
}
