package dev.lectern.embed;

import java.util.List;

/**
 * Turns text into vectors for semantic search. Documents and queries may embed differently
 * (asymmetric models prefix queries with an instruction), so they have separate methods. Every
 * vector carries {@link #modelId()} when stored: vectors from different model versions must never
 * be compared.
 */
public interface Embedder {

  /** The model version stored with each vector, e.g. {@code bge-small-en-v1.5-q8}. */
  String modelId();

  /** Length of every vector this embedder returns. */
  int dimensions();

  /** One unit-length vector per text, in input order. Texts are embedded as given. */
  List<float[]> embedDocuments(List<String> texts);

  /** A unit-length vector for a search query. */
  float[] embedQuery(String query);

  /**
   * The text a paper is embedded from: title and abstract, so papers with a terse abstract still
   * match on their title. Either part may be null or blank.
   */
  static String documentText(String title, String abstractText) {
    String t = title == null ? "" : title.strip();
    String a = abstractText == null ? "" : abstractText.strip();
    if (t.isEmpty()) return a;
    if (a.isEmpty()) return t;
    // don't double the full stop when the title already ends a sentence ("... ?" / "... .")
    boolean ended = t.endsWith(".") || t.endsWith("?") || t.endsWith("!");
    return t + (ended ? " " : ". ") + a;
  }
}
