package dev.lectern.web;

/**
 * Escaping for the few texts that reach a template already as HTML (cards share fields with search
 * hits).
 */
final class Html {
  private Html() {}

  static String escape(String s) {
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

  /** The opening of a text, cut at a word near {@code chars}, with an ellipsis when cut. */
  static String opening(String text, int chars) {
    if (text == null) return "";
    if (text.length() <= chars) return text;
    int cut = text.lastIndexOf(' ', chars);
    return text.substring(0, cut > chars / 2 ? cut : chars) + " …";
  }
}
