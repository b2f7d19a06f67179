package dev.lectern.web.view;

/**
 * The sign-up page.
 *
 * @param name the name as typed
 * @param code the invite code as typed or as the invite link gave it
 * @param inviteOnly whether sign-up takes an invite code
 * @param error what went wrong, null for nothing
 */
public record SignupView(Page page, String name, String code, boolean inviteOnly, String error) {}
