package dev.lectern.search;

import dev.lectern.index.IndexFields;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Sort orders other than relevance; papers without the value (no date, never upvoted) sort last.
 */
final class Sorts {
  private Sorts() {}

  /** The Lucene sort, or null for relevance ranking. Browsing without words sorts newest first. */
  static Sort of(SearchRequest.Sort sort, boolean hasText) {
    return switch (sort) {
      case RELEVANCE -> hasText ? null : new Sort(newest(), SortField.FIELD_DOC);
      case DATE -> new Sort(newest(), SortField.FIELD_SCORE);
      case POPULARITY ->
          new Sort(descendingLong(IndexFields.UPVOTES), newest(), SortField.FIELD_SCORE);
    };
  }

  private static SortField newest() {
    return descendingLong(IndexFields.SUBMITTED);
  }

  private static SortField descendingLong(String field) {
    SortField f = new SortField(field, SortField.Type.LONG, true);
    f.setMissingValue(Long.MIN_VALUE); // descending: the smallest value is last
    return f;
  }
}
