package dev.lectern.web.view;

/** An error page: what went wrong, in the site's style, with a search box to go on from. */
public record ErrorView(Page page, int status, String heading, String message) {}
