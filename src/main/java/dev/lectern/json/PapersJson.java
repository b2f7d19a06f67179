package dev.lectern.json;

import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchResult.FacetCount;
import java.util.List;
import java.util.Map;

/**
 * An author's or a category's papers, newest first: one page of them, their exact count, and their
 * categories and years with counts.
 *
 * @param author the name asked for, null for a category; {@code category} the other way round
 */
public record PapersJson(
    String author,
    String category,
    long total,
    int offset,
    int limit,
    long tookMs,
    List<HitJson> hits,
    Map<String, List<FacetCount>> facets) {

  public static PapersJson byAuthor(String name, SearchResult r, int offset, int limit) {
    return of(name, null, r, offset, limit);
  }

  public static PapersJson inCategory(String category, SearchResult r, int offset, int limit) {
    return of(null, category, r, offset, limit);
  }

  private static PapersJson of(
      String author, String category, SearchResult r, int offset, int limit) {
    return new PapersJson(
        author,
        category,
        r.totalHits(),
        offset,
        limit,
        r.took().toMillis(),
        HitJson.all(r.hits()),
        r.facets());
  }
}
