package dev.lectern.json;

import dev.lectern.paper.Paper;
import dev.lectern.search.SearchResult.Hit;
import java.util.List;

/** Papers like a paper ({@code id}, {@code title}), most similar first. */
public record SimilarJson(String id, String title, List<HitJson> hits) {
  public static SimilarJson of(Paper paper, List<Hit> hits) {
    return new SimilarJson(paper.id(), paper.title(), HitJson.all(hits));
  }
}
