package dev.lectern.web.view;

import java.util.List;

/**
 * The search page: the form, and the results once there is something to search.
 *
 * @param error why the search could not be run (a malformed filter), null when it was
 * @param results null before a search and after an error
 */
public record SearchView(Page page, Form form, String error, Results results) {

  /**
   * The form as asked.
   *
   * @param modes and {@code sorts}: the options, each with whether it is the one chosen
   * @param categories the categories filter as typed, comma-separated
   * @param filtersOpen show the filters unfolded (some are set)
   */
  public record Form(
      String query,
      List<Choice> modes,
      List<Choice> sorts,
      String categories,
      String from,
      String to,
      String author,
      boolean filtersOpen) {}

  /**
   * One page of hits.
   *
   * @param totalLabel how many papers match, as "12 papers" or "about 340 papers"
   * @param active the filters in force, each with the link that drops it
   * @param facets counts over all matching papers, each a link that narrows the search
   */
  public record Results(
      String totalLabel,
      long tookMs,
      List<String> notes,
      List<Link> active,
      List<FacetGroup> facets,
      boolean facetsCountAll,
      int first,
      List<PaperCard> hits,
      String previousHref,
      String nextHref,
      SaveSearch save) {}

  /**
   * The "Save this search" form.
   *
   * @param query the search's canonical query string, which the form posts
   * @param name the name it is saved under at first
   * @param saved whether the viewer has saved it already
   */
  public record SaveSearch(String query, String name, boolean saved) {}

  /** An option of a select: its value, label and whether it is selected. */
  public record Choice(String value, String label, boolean selected) {}

  /** A labelled link. */
  public record Link(String label, String href) {}

  /** One dimension's counts (Categories, Years); empty groups are not shown. */
  public record FacetGroup(String heading, List<Facet> values) {}

  /**
   * One value with how many matching papers have it.
   *
   * @param href narrows the search to it, or widens it again when {@code selected}
   */
  public record Facet(String label, String count, String href, boolean selected) {}
}
