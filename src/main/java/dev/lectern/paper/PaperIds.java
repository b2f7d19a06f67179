package dev.lectern.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paper identifiers: arXiv ids without version, or a stable id derived from the title. */
public final class PaperIds {
  /**
   * New style {@code 2401.01234} (4 or 5 digits after the dot), old style {@code hep-th/9901001}.
   */
  private static final Pattern ARXIV =
      Pattern.compile(
          "(?:arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z][a-z\\-]*(?:\\.[A-Za-z]{2})?/\\d{7})(v\\d+)?",
          Pattern.CASE_INSENSITIVE);

  /** Prefix of ids made from titles; never valid as an arXiv id. */
  public static final String TITLE_PREFIX = "t-";

  private PaperIds() {}

  /**
   * The arXiv id without its version, or null when {@code raw} is not an arXiv id. Accepts an
   * {@code arXiv:} prefix, a version suffix and abs/pdf/html URLs (a query or fragment after them
   * is dropped).
   */
  public static String normalizeArxivId(String raw) {
    if (raw == null) return null;
    String s = raw.trim();
    int abs = Math.max(s.lastIndexOf("/abs/"), s.lastIndexOf("/pdf/"));
    int html = s.lastIndexOf("/html/");
    if (abs >= 0 || html >= 0) {
      s = abs > html ? s.substring(abs + 5) : s.substring(html + 6);
      s = s.replaceFirst("[?#].*$", "").replaceFirst("/$", "");
    }
    if (s.endsWith(".pdf")) s = s.substring(0, s.length() - 4);
    Matcher m = ARXIV.matcher(s);
    if (!m.matches()) return null;
    return m.group(1);
  }

  public static boolean isArxivId(String id) {
    return id != null && !id.startsWith(TITLE_PREFIX) && normalizeArxivId(id) != null;
  }

  /** arXiv's abstract page of a paper with an arXiv id. */
  public static String arxivAbsUrl(String arxivId) {
    return "https://arxiv.org/abs/" + arxivId;
  }

  /** arXiv's PDF of a paper with an arXiv id (its latest version). */
  public static String arxivPdfUrl(String arxivId) {
    return "https://arxiv.org/pdf/" + arxivId;
  }

  /**
   * Deterministic id for a paper known only by its title: the same title always gives the same id.
   */
  public static String fromTitle(String title) {
    String key = Text.titleKey(title);
    if (key.isEmpty()) throw new IllegalArgumentException("a paper needs a title to derive its id");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return TITLE_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
