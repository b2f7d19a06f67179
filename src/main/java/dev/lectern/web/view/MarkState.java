package dev.lectern.web.view;

/**
 * The viewer's marks on a paper, as the buttons of its card or page show them; each button is a
 * form that POSTs the opposite state and comes back to {@code next}.
 *
 * @param votes local upvotes of all users
 * @param next the page to come back to (its path and query)
 * @param csrf the viewer's token, sent back in every form's {@code _csrf} field
 */
public record MarkState(
    String paperId,
    int votes,
    boolean voted,
    boolean saved,
    boolean dismissed,
    String next,
    String csrf) {}
