package dev.lectern.web;

import dev.lectern.search.Filters;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchRequest.Mode;
import dev.lectern.search.SearchRequest.Sort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the search page was asked: the query, mode, order and filters, all in the URL so that every
 * search is a link. Builds the links that change one part of it (a facet clicked, a filter removed,
 * another page).
 *
 * @param categories any of these categories (an archive such as {@code cs} means all of its own)
 * @param from submitted on or after, null for open
 * @param to submitted on or before, null for open
 * @param author words of one author's name, null for any
 */
record SearchForm(
    String query,
    Mode mode,
    Sort sort,
    List<String> categories,
    LocalDate from,
    LocalDate to,
    String author) {
  static final Set<String> PARAMS =
      Set.of("q", "mode", "sort", "cat", "from", "to", "author", "page");

  SearchForm {
    query = query == null ? "" : query;
    categories = List.copyOf(new LinkedHashSet<>(categories));
    if (author != null && author.isBlank()) author = null;
  }

  static SearchForm read(Params p) {
    LocalDate from = p.date("from");
    LocalDate to = p.date("to");
    if (from != null && to != null && from.isAfter(to))
      throw HttpError.badRequest(
          "parameter 'from' (" + from + ") is after 'to' (" + to + "); no paper can match");
    return new SearchForm(
        p.get("q"),
        p.choice("mode", Mode.class, Mode.HYBRID),
        p.choice("sort", Sort.class, Sort.RELEVANCE),
        p.all("cat"),
        from,
        to,
        p.get("author") == null ? null : p.get("author").strip());
  }

  boolean hasFilters() {
    return !categories.isEmpty() || from != null || to != null || author != null;
  }

  /** Something to search: words, or filters alone (their newest papers). */
  boolean isSearch() {
    return !query.isBlank() || hasFilters();
  }

  SearchRequest request(int offset, int limit) {
    return new SearchRequest(
        query,
        mode,
        new Filters(new LinkedHashSet<>(categories), from, to, author),
        sort,
        offset,
        limit);
  }

  /** This search, narrowed to one more category, or widened by one when it already has it. */
  SearchForm toggleCategory(String category) {
    List<String> cats = new ArrayList<>(categories);
    if (!cats.remove(category)) cats.add(category);
    return new SearchForm(query, mode, sort, cats, from, to, author);
  }

  /** This search over one year's papers, or over all years when that year is the one chosen. */
  SearchForm toggleYear(int year) {
    return isYear(year)
        ? withDates(null, null)
        : withDates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  boolean isYear(int year) {
    return LocalDate.of(year, 1, 1).equals(from) && LocalDate.of(year, 12, 31).equals(to);
  }

  SearchForm withDates(LocalDate newFrom, LocalDate newTo) {
    return new SearchForm(query, mode, sort, categories, newFrom, newTo, author);
  }

  SearchForm withoutAuthor() {
    return new SearchForm(query, mode, sort, categories, from, to, null);
  }

  /** The link to a page of this search; empty fields and defaults are left out. */
  String href(int page) {
    List<String> params = new ArrayList<>();
    if (!query.isEmpty()) params.add("q=" + Links.encode(query));
    if (mode != Mode.HYBRID) params.add("mode=" + Renderer.lower(mode));
    if (sort != Sort.RELEVANCE) params.add("sort=" + Renderer.lower(sort));
    for (String c : categories) params.add("cat=" + Links.encode(c));
    if (from != null) params.add("from=" + from);
    if (to != null) params.add("to=" + to);
    if (author != null) params.add("author=" + Links.encode(author));
    if (page > 1) params.add("page=" + page);
    return params.isEmpty() ? "/search" : "/search?" + String.join("&", params);
  }
}
