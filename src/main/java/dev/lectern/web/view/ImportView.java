package dev.lectern.web.view;

import java.util.List;

/**
 * The import and onboarding page: the form (ids and links, a file, a collection's name, categories
 * and authors to follow) and, after a submit, what happened to each entry.
 *
 * @param categories the library's most common categories, to follow with a tick
 * @param collections the viewer's collection names, offered for the name field
 * @param result null before a submit
 */
public record ImportView(
    Page page, List<String> categories, List<String> collections, Result result) {

  /**
   * What a submit did; each list names its entries ("line 2: 2404.15574 — Title").
   *
   * @param collectionHref null when nothing was imported (follows only)
   * @param fetched what fetching the pending papers from arXiv did, null when nothing was tried
   */
  public record Result(
      String collectionName,
      String collectionHref,
      List<String> added,
      List<String> already,
      List<PendingLine> pending,
      List<String> unreadable,
      List<String> followed,
      String fetched) {}

  /**
   * A pending entry of a submit: its line, why it waits, and the form that removes it.
   *
   * @param removeAction where the Remove button posts
   */
  public record PendingLine(String text, String reason, String removeAction, long id) {}
}
