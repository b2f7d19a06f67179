package dev.lectern.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Queries like the ones users type, made from a paper's title: two or three consecutive words of it
 * (words of two letters or fewer and common function words left out), every tenth restricted by the
 * paper's first category and every tenth by its first author's surname. The search benchmark
 * measures such queries and {@link SearchWarmup} runs them.
 */
public final class TitleQueries {
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "with", "from", "into", "via", "are", "its", "our", "can", "how",
          "what", "when", "using", "towards", "toward", "based", "through", "not");

  private TitleQueries() {}

  /**
   * The {@code n}th query of a list, from this title (same random state, same query); null when the
   * title has no word to search by.
   */
  public static String of(
      String title, List<String> categories, List<String> authors, Random random, int n) {
    List<String> words = new ArrayList<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2 && !STOP.contains(w)) words.add(w);
    }
    if (words.isEmpty()) return null;
    int len = Math.min(words.size(), 2 + random.nextInt(2));
    int from = random.nextInt(words.size() - len + 1);
    String text = String.join(" ", words.subList(from, from + len));
    if (n % 10 == 3 && !categories.isEmpty()) return text + " cat:" + categories.getFirst();
    if (n % 10 == 7 && !authors.isEmpty()) return text + " author:" + surname(authors.getFirst());
    return text;
  }

  private static String surname(String author) {
    String[] parts = author.strip().split("\\s+");
    return parts[parts.length - 1].replace("\"", "");
  }
}
