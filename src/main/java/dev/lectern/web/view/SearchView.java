package dev.lectern.web.view;

import java.util.List;

/**
 * The search page: the form, and the results once there is a query.
 *
 * @param modes the search modes, each with whether it is the one chosen
 * @param totalLabel how many papers match, as "12 papers" or "about 340 papers"
 * @param error why the query could not be searched (a malformed filter), null when it was
 */
public record SearchView(
    Page page,
    String query,
    List<Choice> modes,
    boolean searched,
    String totalLabel,
    long tookMs,
    List<String> notes,
    String error,
    int first,
    List<PaperCard> hits,
    String previousHref,
    String nextHref) {

  /** An option of a select: its value, label and whether it is selected. */
  public record Choice(String value, String label, boolean selected) {}
}
