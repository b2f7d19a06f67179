package dev.lectern.web.view;

/**
 * A list's exports and its Atom feed, linked from the page that shows the list and, for feed
 * readers, from its head.
 *
 * @param what what is exported, as "these results" or "this day"
 * @param atomLabel the feed link's text
 * @param atomTitle the feed's title, as a feed reader lists it
 */
public record ListExports(
    String what,
    String atomLabel,
    String atomHref,
    String atomTitle,
    String bibHref,
    String csvHref,
    String jsonHref) {}
