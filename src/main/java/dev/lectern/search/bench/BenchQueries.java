package dev.lectern.search.bench;

import dev.lectern.paper.Paper;
import dev.lectern.search.TitleQueries;
import dev.lectern.store.PaperLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A fixed, reproducible list of queries like users type: a few handwritten machine-learning
 * queries, then queries from the titles of papers drawn at random from the library (see {@link
 * TitleQueries}; same seed, same library: same list), every tenth one restricted by the paper's
 * category or first author's surname, so the filtered paths (filter inside the kNN graph search
 * included) are measured too.
 */
public final class BenchQueries {
  /** Handwritten queries; two carry filters whose values exist in any arXiv-like library. */
  static final List<String> HANDWRITTEN =
      List.of(
          "graph transformers",
          "diffusion image editing",
          "retrieval augmented generation",
          "large language model reasoning",
          "vision language models",
          "reinforcement learning from human feedback",
          "state space models for long sequences",
          "contrastive self-supervised learning",
          "\"image editing\"",
          "efficient attention -sparse",
          "cat:cs.CV segmentation",
          "cat:cs.LG year:2023-2025 time series forecasting");

  /**
   * Warm-up queries of the same kinds as the handwritten ones (a phrase, an exclusion, a category,
   * a year range), but other words: a long-running server has run every kind of query before, so
   * the measured ones should not be the first to load and compile the code for theirs.
   */
  static final List<String> WARMUP_KINDS =
      List.of(
          "\"language model\"",
          "graph learning -survey",
          "cat:cs.CL translation",
          "cat:cs.CV year:2021-2022 object detection",
          "\"neural network\" pruning -quantization");

  private BenchQueries() {}

  /**
   * {@code count} queries: the handwritten ones first (when {@code handwritten}; else the {@link
   * #WARMUP_KINDS}), then ones from titles.
   */
  public static List<String> draw(PaperLibrary library, int count, long seed, boolean handwritten) {
    List<String> first = handwritten ? HANDWRITTEN : WARMUP_KINDS;
    List<String> out = new ArrayList<>(first.subList(0, Math.min(count, first.size())));
    addFromTitles(library, new Random(seed), out, count);
    return out;
  }

  /** {@code count} queries from the titles of papers drawn at random (same seed: same queries). */
  public static List<String> fromTitles(PaperLibrary library, int count, long seed) {
    List<String> out = new ArrayList<>();
    addFromTitles(library, new Random(seed), out, count);
    return out;
  }

  /** Adds queries from the titles of random papers until {@code out} holds {@code count}. */
  private static void addFromTitles(
      PaperLibrary library, Random random, List<String> out, int count) {
    addFromRandomPapers(
        library,
        random,
        out,
        count,
        p -> TitleQueries.of(p.title(), p.categories(), p.authors(), random, out.size()));
  }

  /**
   * {@code count} ids of papers drawn at random from the library (same seed, same library: same
   * ids).
   */
  public static List<String> drawPaperIds(PaperLibrary library, int count, long seed) {
    List<String> out = new ArrayList<>();
    addFromRandomPapers(library, new Random(seed), out, count, Paper::id);
    return out;
  }

  /**
   * Adds {@code pick} of random papers to {@code out} until it holds {@code count}; {@code pick}
   * declines a paper with null.
   */
  private static <T> void addFromRandomPapers(
      PaperLibrary library, Random random, List<T> out, int count, Function<Paper, T> pick) {
    long last = library.lastChangeSeq();
    for (int attempts = 0; out.size() < count && attempts < count * 20 && last > 0; attempts++) {
      var changes = library.changedSince(random.nextLong(last), 1);
      if (changes.isEmpty()) continue;
      T value = pick.apply(changes.getFirst().paper());
      if (value != null) out.add(value);
    }
  }
}
