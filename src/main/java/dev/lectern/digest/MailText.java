package dev.lectern.digest;

import dev.lectern.paper.Latex;
import dev.lectern.paper.Paper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** How a digest's papers read in mail: names and titles as letters, a short snippet, links. */
final class MailText {
  static final int SNIPPET = 280;
  static final int AUTHORS_SHOWN = 6;

  private MailText() {}

  static String title(Paper p) {
    return Latex.toUnicode(p.title());
  }

  static String authors(Paper p) {
    List<String> names = p.authors().stream().map(Latex::toUnicode).toList();
    if (names.size() <= AUTHORS_SHOWN) return String.join(", ", names);
    return String.join(", ", names.subList(0, AUTHORS_SHOWN))
        + " and "
        + (names.size() - AUTHORS_SHOWN)
        + " more";
  }

  /** The abstract's opening, cut at a word, with an ellipsis when cut. */
  static String snippet(Paper p) {
    String a = Latex.toUnicode(p.abstractText()).strip();
    if (a.length() <= SNIPPET) return a;
    int cut = a.lastIndexOf(' ', SNIPPET);
    return a.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET).strip() + " …";
  }

  /** The paper's page on this Lectern; an old-style id keeps its slash, as the site's links do. */
  static String paperUrl(String baseUrl, String id) {
    return baseUrl + "/papers/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
