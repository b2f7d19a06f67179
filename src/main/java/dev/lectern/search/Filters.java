package dev.lectern.search;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Restrictions every hit must satisfy, in any search mode (for kNN they are applied during the
 * graph search, not afterwards, so a selective filter still fills the page).
 *
 * @param categories any of these arXiv categories; an archive without a dot ({@code cs}) also means
 *     all of its categories ({@code cs.*}); empty for no restriction
 * @param from submitted on or after, null for open
 * @param to submitted on or before, null for open
 * @param author words of an author's name (one author), null for any
 */
public record Filters(Set<String> categories, LocalDate from, LocalDate to, String author) {
  public static final Filters NONE = new Filters(Set.of(), null, null, null);

  public Filters {
    categories = Set.copyOf(categories == null ? Set.of() : categories);
    if (author != null && author.isBlank()) author = null;
  }

  public boolean isEmpty() {
    return categories.isEmpty() && from == null && to == null && author == null;
  }

  /**
   * Both sets of restrictions: categories pooled, the narrower date bounds, this author unless
   * absent.
   */
  public Filters and(Filters other) {
    Set<String> cats = new LinkedHashSet<>(categories);
    cats.addAll(other.categories);
    return new Filters(
        cats,
        later(from, other.from),
        earlier(to, other.to),
        author != null ? author : other.author);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
