package dev.lectern.web;

import dev.lectern.paper.PaperIds;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where things are: Lectern's own pages, and arXiv's pages for a paper with an arXiv id. */
public final class Links {
  private Links() {}

  public static String arxivAbs(String arxivId) {
    return PaperIds.arxivAbsUrl(arxivId);
  }

  public static String arxivPdf(String arxivId) {
    return PaperIds.arxivPdfUrl(arxivId);
  }

  /**
   * A paper's page; the slash of an old-style id stays a slash ({@code /papers/hep-th/9901001}).
   */
  public static String paper(String id) {
    return "/papers/" + encode(id).replace("%2F", "/");
  }

  /** An author's page: the name is one path segment, its spaces and slashes encoded. */
  public static String author(String name) {
    return "/authors/" + segment(name);
  }

  /** A category's page ({@code cs.LG}), or an archive's ({@code cs}). */
  public static String category(String category) {
    return "/categories/" + segment(category);
  }

  /** Percent-encoded for a path, where '+' is a plus, not a space. */
  static String segment(String s) {
    return encode(s).replace("+", "%20");
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A query string's part decoded, or as it is when it is malformed. */
  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
