package dev.lectern.web.view;

/**
 * The sign-in page.
 *
 * @param name the name as typed, kept after a failure
 * @param next the local path to go to once signed in
 * @param error what went wrong, null for nothing
 * @param canSignUp whether sign-up is open to anyone (else it takes an invite)
 */
public record LoginView(Page page, String name, String next, String error, boolean canSignUp) {}
