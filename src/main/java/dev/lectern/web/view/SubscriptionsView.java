package dev.lectern.web.view;

import java.util.List;

/**
 * The user's saved searches, follows, digest settings and feed link.
 *
 * @param notice what the last change did ("Saved."), null for nothing
 * @param error why the last change was refused, shown beside the form it came from
 * @param emailNote a line about where digests go, or why none can go
 * @param emailMissing whether the user has no email address yet (the page links to where to add it)
 * @param serverNote why no digest can be sent from this Lectern yet, or empty
 * @param recent the latest digests, as lines ("13 March 2024, 07:00: sent")
 */
public record SubscriptionsView(
    Page page,
    String notice,
    String error,
    List<Row> searches,
    List<Row> follows,
    DigestForm digest,
    String feedUrl,
    String emailNote,
    boolean emailMissing,
    String serverNote,
    List<String> recent) {

  /**
   * A saved search or a follow.
   *
   * @param name the name as stored: the row's link, and what its buttons say they act on
   * @param typed the rename field's value: the name, or what was typed when renaming failed
   * @param href its page: the search, or the author's or category's papers
   * @param error why renaming it failed, null when it did not
   */
  public record Row(
      long id, String kind, String name, String typed, String href, String target, String error) {}

  /**
   * The digest's settings as choices.
   *
   * @param zone the user's time zone, which their account sets
   */
  public record DigestForm(
      List<SearchView.Choice> frequencies,
      List<SearchView.Choice> hours,
      List<SearchView.Choice> weekdays,
      String zone,
      String error) {}
}
