package dev.lectern.search;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of hits.
 *
 * @param totalHits papers matching the search (for hybrid: lexical matches plus the semantic
 *     candidates); a lower bound when {@code totalIsExact} is false
 * @param modeUsed the mode actually run: hybrid or semantic fall back to lexical without an
 *     embedder
 * @param facets dimension ({@code category}, {@code year}) to counts, largest first for categories,
 *     newest first for years
 * @param facetsCountAll whether the facets count every matching paper; a search ranked by relevance
 *     counts its best candidates only (about a hundred per ranking), which is what keeps it fast
 * @param notes things the user should know about how the query was read (ignored parts, fallbacks)
 */
public record SearchResult(
    long totalHits,
    boolean totalIsExact,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets,
    boolean facetsCountAll,
    SearchRequest.Mode modeUsed,
    List<String> notes,
    Duration took) {

  /**
   * One paper found.
   *
   * @param score the ranking score: BM25 (lexical), similarity (semantic), the fused score in [0,
   *     1] (hybrid) or the RRF sum (similar)
   * @param titleHtml title with matched words in {@code <mark>...</mark>}, the rest HTML-escaped
   * @param snippetHtml passage(s) of the abstract, marked and escaped the same way; the opening of
   *     the abstract when no word matched (semantic hits)
   * @param abstractText the abstract as stored (LaTeX), for a list that shows all of it
   */
  public record Hit(
      String id,
      String title,
      List<String> authors,
      List<String> categories,
      LocalDate submitted,
      Integer upvotes,
      float score,
      String titleHtml,
      String snippetHtml,
      String abstractText) {}

  public record FacetCount(String value, long count) {}
}
