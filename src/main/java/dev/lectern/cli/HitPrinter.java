package dev.lectern.cli;

import dev.lectern.search.SearchResult.Hit;
import java.io.PrintWriter;
import java.util.List;

/** Prints search hits for people: title, details, snippet. */
final class HitPrinter {
  private static final String BOLD = "\u001b[1m", PLAIN = "\u001b[0m";
  private final PrintWriter out;
  private final boolean terminal;

  HitPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void print(List<Hit> hits, int firstRank) {
    int rank = firstRank;
    for (Hit h : hits) {
      out.printf("%2d. %s  [%s]%n", rank++, text(h.titleHtml()), h.id());
      StringBuilder meta = new StringBuilder("    ");
      if (!h.authors().isEmpty()) {
        meta.append(String.join(", ", h.authors().subList(0, Math.min(3, h.authors().size()))));
        if (h.authors().size() > 3) meta.append(" et al.");
        meta.append(" · ");
      }
      if (h.submitted() != null) meta.append(h.submitted()).append(" · ");
      if (!h.categories().isEmpty()) meta.append(String.join(" ", h.categories())).append(" · ");
      if (h.upvotes() != null) meta.append(h.upvotes()).append(" upvotes · ");
      meta.append(String.format("score %.3f", h.score()));
      out.println(meta);
      if (h.snippetHtml() != null && !h.snippetHtml().isBlank())
        out.println("    " + text(h.snippetHtml()));
    }
  }

  /**
   * The index marks matches as HTML; a terminal shows them bold, a pipe gets plain text. Math is in
   * spans for a web page to render; here it stays as its TeX.
   */
  private String text(String html) {
    String marked =
        html.replace("<mark>", terminal ? BOLD : "")
            .replace("</mark>", terminal ? PLAIN : "")
            .replace("<span class=\"math\">", "")
            .replace("</span>", "");
    return marked
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
