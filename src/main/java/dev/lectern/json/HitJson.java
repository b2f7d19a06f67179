package dev.lectern.json;

import dev.lectern.search.SearchResult.Hit;
import java.util.List;

/**
 * A paper found by a search, or listed by an author's or a category's papers or as similar to
 * another.
 *
 * @param score the ranking score (see {@link Hit#score()}); 0 in a list by date
 * @param titleHtml and {@code snippetHtml}: HTML-escaped text with matches in {@code <mark>}; the
 *     snippet is the opening of the abstract when no word matched
 */
public record HitJson(
    String id,
    String title,
    List<String> authors,
    List<String> categories,
    String submitted,
    Integer upvotes,
    float score,
    String titleHtml,
    String snippetHtml) {

  public static HitJson of(Hit h) {
    return new HitJson(
        h.id(),
        h.title(),
        h.authors(),
        h.categories(),
        PaperJson.iso(h.submitted()),
        h.upvotes(),
        h.score(),
        h.titleHtml(),
        h.snippetHtml());
  }

  public static List<HitJson> all(List<Hit> hits) {
    return hits.stream().map(HitJson::of).toList();
  }
}
