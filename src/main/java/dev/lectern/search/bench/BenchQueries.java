package dev.lectern.search.bench;

import dev.lectern.paper.Paper;
import dev.lectern.store.PaperLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A fixed, reproducible list of queries like users type: a few handwritten machine-learning queries, then
 * two or three consecutive words from the titles of papers drawn at random from the library (same seed,
 * same library: same list), with every tenth one restricted by the paper's category or first author's
 * surname, so the filtered paths (filter inside the kNN graph search included) are measured too.
 */
public final class BenchQueries {
  /** Handwritten queries; two carry filters whose values exist in any arXiv-like library. */
  static final List<String> HANDWRITTEN = List.of(
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
   * Warm-up queries of the same kinds as the handwritten ones (a phrase, an exclusion, a category, a year
   * range), but other words: a long-running server has run every kind of query before, so the measured
   * ones should not be the first to load and compile the code for theirs.
   */
  static final List<String> WARMUP_KINDS = List.of(
      "\"language model\"",
      "graph learning -survey",
      "cat:cs.CL translation",
      "cat:cs.CV year:2021-2022 object detection",
      "\"neural network\" pruning -quantization");

  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "into", "via", "are",
      "its", "our", "can", "how", "what", "when", "using", "towards", "toward", "based", "through", "not");

  private BenchQueries() {}

  /**
   * {@code count} queries: the handwritten ones first (when {@code handwritten}; else the {@link
   * #WARMUP_KINDS}), then ones from titles.
   */
  public static List<String> draw(PaperLibrary library, int count, long seed, boolean handwritten) {
    List<String> first = handwritten ? HANDWRITTEN : WARMUP_KINDS;
    List<String> out = new ArrayList<>(first.subList(0, Math.min(count, first.size())));
    Random random = new Random(seed);
    addFromRandomPapers(library, random, out, count, p -> fromTitle(p, random, out.size()));
    return out;
  }

  /** {@code count} ids of papers drawn at random from the library (same seed, same library: same ids). */
  public static List<String> drawPaperIds(PaperLibrary library, int count, long seed) {
    List<String> out = new ArrayList<>();
    addFromRandomPapers(library, new Random(seed), out, count, Paper::id);
    return out;
  }

  /**
   * Adds {@code pick} of random papers to {@code out} until it holds {@code count}; {@code pick} declines a
   * paper with null.
   */
  private static <T> void addFromRandomPapers(PaperLibrary library, Random random, List<T> out, int count,
                                              Function<Paper, T> pick) {
    long last = library.lastChangeSeq();
    for (int attempts = 0; out.size() < count && attempts < count * 20 && last > 0; attempts++) {
      var changes = library.changedSince(random.nextLong(last), 1);
      if (changes.isEmpty()) continue;
      T value = pick.apply(changes.getFirst().paper());
      if (value != null) out.add(value);
    }
  }

  private static String fromTitle(Paper p, Random random, int n) {
    List<String> words = new ArrayList<>();
    for (String w : p.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2 && !STOP.contains(w)) words.add(w);
    }
    if (words.isEmpty()) return null;
    int len = Math.min(words.size(), 2 + random.nextInt(2));
    int from = random.nextInt(words.size() - len + 1);
    String text = String.join(" ", words.subList(from, from + len));
    if (n % 10 == 3 && !p.categories().isEmpty()) return text + " cat:" + p.categories().getFirst();
    if (n % 10 == 7 && !p.authors().isEmpty()) return text + " author:" + surname(p.authors().getFirst());
    return text;
  }

  private static String surname(String author) {
    String[] parts = author.strip().split("\\s+");
    return parts[parts.length - 1].replace("\"", "");
  }
}
