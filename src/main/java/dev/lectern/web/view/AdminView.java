package dev.lectern.web.view;

import java.util.List;

/**
 * The admin page: invites and accounts.
 *
 * @param inviteOnly whether sign-up takes an invite
 * @param newInvite an invite just made, its code shown this once; null for none
 * @param notice what was just done, null for nothing
 */
public record AdminView(
    Page page,
    boolean inviteOnly,
    List<InviteRow> invites,
    List<UserRow> users,
    NewInvite newInvite,
    String notice) {

  public record InviteRow(
      long id, String hint, String createdBy, String created, String state, boolean open) {}

  public record UserRow(String name, boolean admin, String created, boolean hasEmail) {}

  public record NewInvite(String code, String link, String expires) {}
}
