package dev.lectern.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One research paper as the library knows it.
 *
 * <p>{@code id} is the arXiv id without version where known ({@code 2401.01234}, {@code
 * hep-th/9901001}), otherwise a deterministic id derived from the normalized title (see {@link
 * PaperIds}). Text fields are whitespace-normalized; LaTeX is kept as written. Optional fields are
 * {@code null} when unknown.
 *
 * @param categories primary category first
 * @param versions number of arXiv versions seen, 0 when the source does not say
 * @param upvotes popularity signal from Hugging Face Daily Papers, null when never seen there
 * @param sources names of the sources this paper came from, e.g. {@code arxiv-snapshot}
 */
public record Paper(
    String id,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    LocalDate submitted,
    LocalDate updated,
    int versions,
    String doi,
    String journalRef,
    String comments,
    String license,
    Integer upvotes,
    Set<String> sources) {

  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    abstractText = abstractText == null ? "" : abstractText;
    authors = List.copyOf(authors == null ? List.of() : authors);
    categories = List.copyOf(categories == null ? List.of() : categories);
    versions = Math.max(0, versions);
    sources =
        sources == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(sources));
  }

  public String primaryCategory() {
    return categories.isEmpty() ? null : categories.getFirst();
  }

  /**
   * Normalized title, the key that recognises the same paper across sources without a shared id.
   */
  public String titleKey() {
    return Text.titleKey(title);
  }

  /**
   * A short hash of the text a paper is embedded from (title and abstract): a stored vector whose
   * hash differs from the paper's is stale.
   */
  public String textHash() {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(
                  (title + "\n" + abstractText).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public boolean hasArxivId() {
    return PaperIds.isArxivId(id);
  }

  public Paper withId(String newId) {
    return new Paper(
        newId,
        title,
        abstractText,
        authors,
        categories,
        submitted,
        updated,
        versions,
        doi,
        journalRef,
        comments,
        license,
        upvotes,
        sources);
  }

  /** A minimal paper, mostly for tests and sources that know little. */
  public static Paper of(
      String id, String title, String abstractText, List<String> authors, String source) {
    return new Paper(
        id,
        title,
        abstractText,
        authors,
        List.of(),
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        Set.of(source));
  }
}
