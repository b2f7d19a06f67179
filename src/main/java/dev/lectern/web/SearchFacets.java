package dev.lectern.web;

import dev.lectern.index.IndexFields;
import dev.lectern.search.SearchResult.FacetCount;
import dev.lectern.web.view.SearchView.Facet;
import dev.lectern.web.view.SearchView.FacetGroup;
import dev.lectern.web.view.SearchView.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The search page's facet counts and active filters, as links that change the search. */
final class SearchFacets {
  private SearchFacets() {}

  static List<FacetGroup> groups(SearchForm form, Map<String, List<FacetCount>> facets) {
    List<FacetGroup> out = new ArrayList<>();
    List<Facet> cats = new ArrayList<>();
    for (FacetCount c : facets.getOrDefault(IndexFields.FACET_CATEGORY, List.of()))
      cats.add(
          new Facet(
              c.value(),
              count(c.count()),
              form.toggleCategory(c.value()).href(1),
              form.categories().contains(c.value())));
    if (!cats.isEmpty()) out.add(new FacetGroup("Categories", cats));
    List<Facet> years = new ArrayList<>();
    for (FacetCount y : facets.getOrDefault(IndexFields.FACET_YEAR, List.of())) {
      int year;
      try {
        year = Integer.parseInt(y.value());
      } catch (NumberFormatException e) {
        continue; // not a year: nothing to narrow by
      }
      years.add(
          new Facet(y.value(), count(y.count()), form.toggleYear(year).href(1), form.isYear(year)));
    }
    if (!years.isEmpty()) out.add(new FacetGroup("Years", years));
    return out;
  }

  /** Each filter in force, with the link that drops it. */
  static List<Link> active(SearchForm form) {
    List<Link> out = new ArrayList<>();
    for (String c : form.categories())
      out.add(new Link("category " + c, form.toggleCategory(c).href(1)));
    if (form.from() != null || form.to() != null) {
      String label =
          form.from() != null && form.isYear(form.from().getYear())
              ? "year " + form.from().getYear()
              : form.from() != null && form.to() != null
                  ? form.from() + " to " + form.to()
                  : form.from() != null ? "from " + form.from() : "until " + form.to();
      out.add(new Link(label, form.withDates(null, null).href(1)));
    }
    if (form.author() != null)
      out.add(new Link("author " + form.author(), form.withoutAuthor().href(1)));
    return out;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
