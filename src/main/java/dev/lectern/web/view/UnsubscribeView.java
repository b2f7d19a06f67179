package dev.lectern.web.view;

/**
 * The page an unsubscribe link opens: a button that confirms, then what it did.
 *
 * @param action where the button posts (the link itself)
 * @param done whether the digest was turned off by this request
 */
public record UnsubscribeView(Page page, String userName, String action, boolean done) {}
