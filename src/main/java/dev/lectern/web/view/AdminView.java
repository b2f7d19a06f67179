package dev.lectern.web.view;

import java.util.List;

/**
 * The admin page: invites and accounts.
 *
 * @param inviteOnly whether sign-up takes an invite
 * @param newInvite an invite just made, its code shown this once; null for none
 * @param notice what was just done, null for nothing
 * @param problem why the last change was not made, null for none
 */
public record AdminView(
    Page page,
    boolean inviteOnly,
    List<InviteRow> invites,
    List<UserRow> users,
    NewInvite newInvite,
    String notice,
    String problem) {

  public record InviteRow(
      long id, String hint, String createdBy, String created, String state, boolean open) {}

  /**
   * @param self whether this is the viewer's own account
   */
  public record UserRow(
      long id, String name, boolean admin, boolean self, String created, boolean hasEmail) {}

  public record NewInvite(String code, String link, String expires) {}
}
