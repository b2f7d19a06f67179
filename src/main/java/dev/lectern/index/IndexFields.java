package dev.lectern.index;

/** Field names of the paper index; the search side builds its queries against these. */
public final class IndexFields {
  private IndexFields() {}

  /** Paper id: exact, stored; the key every update and delete goes by. */
  public static final String ID = "id";

  public static final String TITLE = "title";
  public static final String ABSTRACT = "abstract";

  /** All author names, analyzed for {@code author:}; each name also stored as its own value. */
  public static final String AUTHORS = "authors";

  /** One exact term per category, stored, primary first. */
  public static final String CATEGORY = "category";

  /** Submission date as epoch day: points for range filters, doc values for sorting. */
  public static final String SUBMITTED = "submitted";

  /** Hugging Face upvotes (doc values only), for sorting by popularity. */
  public static final String UPVOTES = "upvotes";

  /**
   * Unit-length embedding of title and abstract, when the library has one for the index's model.
   */
  public static final String VECTOR = "vector";

  /** Facet dimensions (sorted-set doc values kept by the facet module). */
  public static final String FACET_CATEGORY = "category";

  public static final String FACET_YEAR = "year";
}
