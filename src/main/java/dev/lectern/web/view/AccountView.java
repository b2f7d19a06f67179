package dev.lectern.web.view;

import java.util.List;

/**
 * The account page: digest settings, password and API tokens of the viewer.
 *
 * @param canChangePassword whether the account signs in with a password (multi-user mode)
 * @param email the address as stored or as typed
 * @param timeZone the zone as stored or as typed
 * @param newToken a token just made, shown this once; null for none
 * @param notice what was just done, null for nothing
 * @param problem what went wrong with which form, null for nothing
 */
public record AccountView(
    Page page,
    String name,
    boolean canChangePassword,
    String email,
    String timeZone,
    List<TokenRow> tokens,
    NewToken newToken,
    String notice,
    Problem problem) {

  /** A token as listed: never its secret. */
  public record TokenRow(long id, String name, String hint, String created, String lastUsed) {}

  public record NewToken(String name, String secret) {}

  /**
   * @param form profile, password or tokens: where the message goes
   */
  public record Problem(String form, String message) {}

  public String errorFor(String form) {
    return problem != null && problem.form().equals(form) ? problem.message() : null;
  }
}
