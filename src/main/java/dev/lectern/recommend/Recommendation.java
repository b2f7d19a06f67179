package dev.lectern.recommend;

import java.util.List;

/**
 * A recommended paper: its score (higher is better; comparable within one answer only) and the
 * saved papers it is most like, which explain it ("because you saved ...").
 */
public record Recommendation(String paperId, double score, List<String> because) {
  public Recommendation {
    because = List.copyOf(because);
  }
}
