package dev.lectern.digest;

import dev.lectern.search.Filters;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A saved search as the search page's link has it ({@code q=graph&mode=lexical&cat=cs.LG}): read
 * back into a query and filters, and written in one canonical order, so that the same search saved
 * twice is one saved search.
 */
public record SavedQuery(String query, Mode mode, Sort sort, Filters filters) {
  /** Longer than the search box takes (500) plus its filters. */
  static final int MAX_LENGTH = 2_000;

  /**
   * @throws InvalidInput naming what is wrong: an unknown parameter, a bad value, nothing to search
   */
  public static SavedQuery parse(String queryString) {
    String s = queryString == null ? "" : queryString.strip();
    if (s.startsWith("?")) s = s.substring(1);
    if (s.length() > MAX_LENGTH) throw new InvalidInput("the search is too long to save");
    String q = "";
    Mode mode = Mode.HYBRID;
    Sort sort = Sort.RELEVANCE;
    Set<String> cats = new LinkedHashSet<>();
    LocalDate from = null, to = null;
    String author = null;
    for (String pair : s.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).strip();
      switch (key) {
        case "q" -> q = value;
        case "mode" -> mode = choice(Mode.class, value, key);
        case "sort" -> sort = choice(Sort.class, value, key);
        case "cat" -> {
          for (String c : value.split("[,\\s]+")) if (!c.isBlank()) cats.add(c);
        }
        case "from" -> from = date(value, key);
        case "to" -> to = date(value, key);
        case "author" -> author = value.isEmpty() ? null : value;
        case "page" -> {} // which page was open when it was saved is not part of the search
        default -> throw new InvalidInput("a saved search has no parameter '" + key + "'");
      }
    }
    SavedQuery saved = new SavedQuery(q, mode, sort, new Filters(cats, from, to, author));
    if (q.isBlank() && saved.filters.isEmpty())
      throw new InvalidInput("there is nothing to save: search for words or set a filter first");
    return saved;
  }

  /** The canonical query string: the search page's own order, defaults left out. */
  public String canonical() {
    List<String> params = new ArrayList<>();
    if (!query.isEmpty()) params.add("q=" + encode(query));
    if (mode != Mode.HYBRID) params.add("mode=" + lower(mode));
    if (sort != Sort.RELEVANCE) params.add("sort=" + lower(sort));
    for (String c : filters.categories().stream().sorted().toList()) params.add("cat=" + encode(c));
    if (filters.from() != null) params.add("from=" + filters.from());
    if (filters.to() != null) params.add("to=" + filters.to());
    if (filters.author() != null) params.add("author=" + encode(filters.author()));
    return String.join("&", params);
  }

  /** A name to start with: the words, or the filters when there are none. */
  public String defaultName() {
    if (!query.isBlank()) return query.strip();
    List<String> parts = new ArrayList<>(filters.categories().stream().sorted().toList());
    if (filters.author() != null) parts.add(filters.author());
    return parts.isEmpty() ? "filtered papers" : String.join(", ", parts);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, String key) {
    for (E e : type.getEnumConstants()) if (lower(e).equals(value)) return e;
    throw new InvalidInput("'" + value + "' is not a " + key + " a search has");
  }

  private static LocalDate date(String value, String key) {
    if (value.isEmpty()) return null;
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInput("'" + key + "' must be a date like 2024-03-13, not '" + value + "'");
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("the search's link is malformed near '" + s + "'");
    }
  }
}
