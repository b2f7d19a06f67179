package dev.lectern.web;

import dev.lectern.user.AccountException;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import dev.lectern.user.Invites;
import dev.lectern.user.User;
import dev.lectern.web.view.AdminView;
import dev.lectern.web.view.AdminView.InviteRow;
import dev.lectern.web.view.AdminView.NewInvite;
import dev.lectern.web.view.AdminView.UserRow;
import dev.lectern.web.view.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin}: invites, the list of accounts and their roles, for admins of multi-user mode
 * only.
 */
final class AdminPage {
  private static final Map<String, String> DONE =
      Map.of(
          "revoked", "The invite is revoked.",
          "granted", "The account is an admin now.",
          "removed", "The account is a member now: it no longer manages invites and accounts.");

  private final Accounts accounts;
  private final Viewers viewers;
  private final Renderer renderer;
  private final PublicAddress address;

  AdminPage(Accounts accounts, Viewers viewers, Renderer renderer, PublicAddress address) {
    this.accounts = accounts;
    this.viewers = viewers;
    this.renderer = renderer;
    this.address = address;
  }

  void register(RoutesConfig routes) {
    routes.get("/admin", this::admin);
    routes.post("/admin/invites", this::createInvite);
    routes.post("/admin/invites/{id}/revoke", this::revokeInvite);
    routes.post("/admin/users/{id}/role", this::setRole);
  }

  private void admin(Context ctx) {
    Viewer viewer = requireAdmin(ctx);
    String done = Params.parse(ctx.queryString(), Set.of("done")).get("done");
    show(ctx, viewer, null, done == null ? null : DONE.get(done), null);
  }

  private void createInvite(Context ctx) {
    Viewer viewer = requireAdmin(ctx);
    Invites.NewInvite made = accounts.invites().create(viewer.userId());
    String link =
        address.of(ctx) + "/signup?code=" + URLEncoder.encode(made.code(), StandardCharsets.UTF_8);
    ctx.header("Cache-Control", "no-store"); // the code is on this page only
    show(
        ctx,
        viewer,
        new NewInvite(made.code(), link, TimeWords.moment(made.expiresAt())),
        null,
        null);
  }

  private void revokeInvite(Context ctx) {
    requireAdmin(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("There is no invite " + ctx.pathParam("id") + ".");
    }
    if (!accounts.invites().revoke(id)) {
      throw HttpError.notFound("There is no open invite " + id + " (used or revoked already?).");
    }
    ctx.redirect("/admin?done=revoked", HttpStatus.SEE_OTHER);
  }

  /**
   * Grants or removes an account's admin role. An admin who removes their own goes to their account
   * page, as this one is no longer theirs to see.
   */
  private void setRole(Context ctx) {
    Viewer viewer = requireAdmin(ctx);
    long id = accountId(ctx.pathParam("id"));
    String admin = ctx.formParam("admin");
    if (!"true".equals(admin) && !"false".equals(admin)) {
      throw HttpError.badRequest("The form's admin field is true or false, not " + admin + ".");
    }
    try {
      User user = accounts.users().setAdmin(id, Boolean.parseBoolean(admin));
      if (user.id() == viewer.userId() && !user.admin()) {
        ctx.redirect("/account?done=unadmin", HttpStatus.SEE_OTHER);
      } else {
        ctx.redirect("/admin?done=" + (user.admin() ? "granted" : "removed"), HttpStatus.SEE_OTHER);
      }
    } catch (AccountException e) {
      if (accounts.users().byId(id).isEmpty()) throw HttpError.notFound(e.getMessage());
      ctx.status(409);
      show(ctx, viewer, null, null, e.getMessage());
    }
  }

  private static long accountId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw HttpError.notFound("There is no account " + id + ".");
    }
  }

  private Viewer requireAdmin(Context ctx) {
    if (!viewers.multi()) {
      throw HttpError.notFound(
          "Lectern runs in single-user mode here: there are no accounts to manage. "
              + "Accounts come with users.mode = multi (see docs/accounts.md).");
    }
    Viewer viewer = viewers.of(ctx);
    if (!viewer.admin()) {
      throw new HttpError(403, "Only an admin may manage invites and accounts.");
    }
    return viewer;
  }

  private void show(Context ctx, Viewer viewer, NewInvite made, String notice, String problem) {
    Instant now = accounts.now();
    var invites =
        accounts.invites().list().stream()
            .map(
                i ->
                    new InviteRow(
                        i.id(),
                        i.hint(),
                        i.createdBy(),
                        TimeWords.moment(i.createdAt()),
                        i.state(now),
                        i.open(now)))
            .toList();
    var users =
        accounts.users().list().stream()
            .filter(u -> u.canSignIn() || u.id() != Viewer.LOCAL_USER)
            .map(
                u ->
                    new UserRow(
                        u.id(),
                        u.name(),
                        u.admin(),
                        u.id() == viewer.userId(),
                        TimeWords.moment(u.createdAt()),
                        u.email() != null))
            .toList();
    renderer.render(
        ctx,
        "admin.jte",
        new AdminView(
            renderer.page(ctx, "Admin", "", "admin"),
            accounts.settings().signup() == AccountSettings.Signup.INVITE,
            invites,
            users,
            made,
            notice,
            problem));
  }
}
