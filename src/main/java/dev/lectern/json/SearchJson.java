package dev.lectern.json;

import dev.lectern.search.Filters;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchResult.FacetCount;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search and a page of its hits.
 *
 * @param query the query as given; {@code filters} those given beside it (not those written in it)
 * @param mode the mode actually run (hybrid and semantic fall back to lexical without a model)
 * @param total matching papers, a lower bound unless {@code totalIsExact}
 * @param facets {@code category} and {@code year} to counts over the matches
 * @param facetsCountAll false when the facets count the best matches only (a search ranked by
 *     relevance), true when they count every match
 */
public record SearchJson(
    String query,
    String mode,
    String sort,
    FiltersJson filters,
    long total,
    boolean totalIsExact,
    int offset,
    int limit,
    long tookMs,
    List<String> notes,
    List<HitJson> hits,
    Map<String, List<FacetCount>> facets,
    boolean facetsCountAll) {

  /**
   * @param categories any of these (an archive such as {@code cs} means all of its categories)
   * @param from and {@code to}: submitted between, inclusive; null for open
   */
  public record FiltersJson(List<String> categories, String from, String to, String author) {
    static FiltersJson of(Filters f) {
      return new FiltersJson(
          f.categories().stream().sorted().toList(),
          PaperJson.iso(f.from()),
          PaperJson.iso(f.to()),
          f.author());
    }
  }

  public static SearchJson of(SearchRequest request, SearchResult r) {
    return new SearchJson(
        request.query(),
        lower(r.modeUsed()),
        lower(request.sort()),
        FiltersJson.of(request.filters()),
        r.totalHits(),
        r.totalIsExact(),
        request.offset(),
        request.limit(),
        r.took().toMillis(),
        r.notes(),
        HitJson.all(r.hits()),
        r.facets(),
        r.facetsCountAll());
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
