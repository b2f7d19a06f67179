package dev.lectern.web;

import dev.lectern.user.AccountException;
import dev.lectern.user.Accounts;
import dev.lectern.user.ApiTokens;
import dev.lectern.user.Passwords;
import dev.lectern.user.User;
import dev.lectern.web.view.AccountView;
import dev.lectern.web.view.AccountView.NewToken;
import dev.lectern.web.view.AccountView.Problem;
import dev.lectern.web.view.AccountView.TokenRow;
import dev.lectern.web.view.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /account}: the viewer's own digest settings, password and API tokens; never anyone else's,
 * whatever a form sends (every change is made on the viewer's user id).
 */
final class AccountPage {
  private static final Map<String, String> DONE =
      Map.of(
          "welcome", "Welcome to Lectern. Your account is ready.",
          "profile", "Saved.",
          "password", "Your password is changed; other sessions of yours are signed out.",
          "revoked", "The token is revoked: it no longer works.",
          "unadmin", "You are no longer an admin; another admin can make you one again.");

  private final Accounts accounts;
  private final Viewers viewers;
  private final Renderer renderer;

  AccountPage(Accounts accounts, Viewers viewers, Renderer renderer) {
    this.accounts = accounts;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/account", this::account);
    routes.post("/account/profile", this::profile);
    routes.post("/account/password", this::password);
    routes.post("/account/tokens", this::createToken);
    routes.post("/account/tokens/{id}/revoke", this::revokeToken);
  }

  private void account(Context ctx) {
    String done = Params.parse(ctx.queryString(), Set.of("done")).get("done");
    User user = user(ctx);
    show(
        ctx, user, user.email(), user.timeZone(), null, done == null ? null : DONE.get(done), null);
  }

  private void profile(Context ctx) {
    User user = user(ctx);
    String email = Objects.requireNonNullElse(ctx.formParam("email"), "");
    String zone = Objects.requireNonNullElse(ctx.formParam("timeZone"), "");
    try {
      accounts.users().updateProfile(user.id(), email, zone);
      ctx.redirect("/account?done=profile", HttpStatus.SEE_OTHER);
    } catch (AccountException e) {
      ctx.status(400);
      show(ctx, user, email, zone, null, null, new Problem("profile", e.getMessage()));
    }
  }

  private void password(Context ctx) {
    User user = user(ctx);
    try {
      if (!viewers.multi()) {
        throw new AccountException("In single-user mode nobody signs in, so there is no password.");
      }
      String next = Objects.requireNonNullElse(ctx.formParam("password"), "");
      if (!next.equals(ctx.formParam("password2"))) {
        throw new AccountException("The two new passwords differ; type the same one twice.");
      }
      Passwords.acceptable(next); // before the current one is checked: a short one is no failure
      accounts.changePassword(user, ctx.formParam("current"), next, ctx.ip());
      accounts.sessions().closeOthers(user.id(), ctx.cookie(Viewers.SESSION_COOKIE));
      ctx.redirect("/account?done=password", HttpStatus.SEE_OTHER);
    } catch (AccountException e) {
      ctx.status(400);
      show(ctx, user, user.email(), user.timeZone(), null, null, problem("password", e));
    }
  }

  private void createToken(Context ctx) {
    User user = user(ctx);
    try {
      ApiTokens.NewToken made = accounts.tokens().create(user.id(), ctx.formParam("name"));
      NewToken shown = new NewToken(made.name(), made.secret());
      ctx.header("Cache-Control", "no-store"); // the secret is on this page only
      show(ctx, user, user.email(), user.timeZone(), shown, null, null);
    } catch (AccountException e) {
      ctx.status(400);
      show(ctx, user, user.email(), user.timeZone(), null, null, problem("tokens", e));
    }
  }

  private void revokeToken(Context ctx) {
    User user = user(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("There is no token " + ctx.pathParam("id") + ".");
    }
    if (!accounts.tokens().revoke(user.id(), id)) {
      throw HttpError.notFound("You have no token " + id + " (revoked already?).");
    }
    ctx.redirect("/account?done=revoked", HttpStatus.SEE_OTHER);
  }

  private User user(Context ctx) {
    Viewer viewer = viewers.of(ctx);
    return accounts
        .users()
        .byId(viewer.userId())
        .orElseThrow(() -> HttpError.notFound("There is no account " + viewer.userId() + "."));
  }

  private static Problem problem(String form, AccountException e) {
    return new Problem(form, e.getMessage());
  }

  private void show(
      Context ctx,
      User user,
      String email,
      String zone,
      NewToken newToken,
      String notice,
      Problem problem) {
    var tokens =
        accounts.tokens().list(user.id()).stream()
            .map(
                t ->
                    new TokenRow(
                        t.id(),
                        t.name(),
                        t.hint(),
                        TimeWords.moment(t.createdAt()),
                        t.lastUsedAt() == null ? "never" : TimeWords.moment(t.lastUsedAt())))
            .toList();
    renderer.render(
        ctx,
        "account.jte",
        new AccountView(
            renderer.page(ctx, "Account", "", "account"),
            viewers.multi() ? user.name() : "the local user",
            viewers.multi(),
            Objects.requireNonNullElse(email, ""),
            zone,
            tokens,
            newToken,
            notice,
            problem));
  }
}
