package dev.lectern.web;

import dev.lectern.user.AccountException;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import dev.lectern.user.Accounts.SignIn;
import dev.lectern.web.view.LoginView;
import dev.lectern.web.view.SignupView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Set;

/** {@code /login}, {@code /logout} and {@code /signup}: multi-user mode's way in and out. */
final class SignInPages {
  private final Accounts accounts;
  private final Viewers viewers;
  private final Renderer renderer;

  SignInPages(Accounts accounts, Viewers viewers, Renderer renderer) {
    this.accounts = accounts;
    this.viewers = viewers;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/login", this::loginForm);
    routes.post("/login", this::login);
    routes.post("/logout", this::logout);
    routes.get("/signup", this::signupForm);
    routes.post("/signup", this::signup);
  }

  private void loginForm(Context ctx) {
    requireMulti();
    String next = localPath(Params.parse(ctx.queryString(), Set.of("next")).get("next"));
    if (viewers.of(ctx).signedIn()) throw new Redirect(next);
    showLogin(ctx, "", next, null);
  }

  private void login(Context ctx) {
    requireMulti();
    String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
    String next = localPath(ctx.formParam("next"));
    SignIn result =
        accounts.signIn(name, Objects.requireNonNullElse(ctx.formParam("password"), ""), ctx.ip());
    switch (result) {
      case SignIn.Done done -> {
        accounts.sessions().close(ctx.cookie(Viewers.SESSION_COOKIE)); // one session per sign-in
        Viewers.setSession(ctx, done.sessionId(), accounts.sessions().lifetime());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
      }
      case SignIn.Wrong wrong -> {
        ctx.status(401);
        showLogin(ctx, name, next, "That name and password do not match an account.");
      }
      case SignIn.Limited limited -> {
        long seconds = Math.max(1, limited.retryAfter().toSeconds());
        ctx.status(429).header("Retry-After", String.valueOf(seconds));
        showLogin(
            ctx,
            name,
            next,
            "Too many failed sign-ins for this name or from this address: try again in "
                + TimeWords.span(limited.retryAfter())
                + ".");
      }
    }
  }

  private void showLogin(Context ctx, String name, String next, String error) {
    renderer.render(
        ctx,
        "login.jte",
        new LoginView(
            renderer.page(ctx, "Sign in", "", "none"),
            name,
            next,
            error,
            accounts.settings().signup() == AccountSettings.Signup.OPEN));
  }

  private void logout(Context ctx) {
    accounts.sessions().close(ctx.cookie(Viewers.SESSION_COOKIE));
    Viewers.setSession(ctx, "", java.time.Duration.ZERO);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void signupForm(Context ctx) {
    requireMulti();
    String code = Params.parse(ctx.queryString(), Set.of("code")).get("code");
    if (viewers.of(ctx).signedIn()) throw new Redirect("/account");
    showSignup(ctx, "", Objects.requireNonNullElse(code, ""), null);
  }

  private void signup(Context ctx) {
    requireMulti();
    String name = Objects.requireNonNullElse(ctx.formParam("name"), "").strip();
    String code = Objects.requireNonNullElse(ctx.formParam("code"), "").strip();
    String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
    try {
      if (!password.equals(ctx.formParam("password2"))) {
        throw new AccountException("The two passwords differ; type the same one twice.");
      }
      SignIn.Done done = accounts.signUp(name, password, code);
      Viewers.setSession(ctx, done.sessionId(), accounts.sessions().lifetime());
      ctx.redirect("/account?done=welcome", HttpStatus.SEE_OTHER);
    } catch (AccountException e) {
      ctx.status(400);
      showSignup(ctx, name, code, e.getMessage());
    }
  }

  private void showSignup(Context ctx, String name, String code, String error) {
    renderer.render(
        ctx,
        "signup.jte",
        new SignupView(
            renderer.page(ctx, "Sign up", "", "none"),
            name,
            code,
            accounts.settings().signup() == AccountSettings.Signup.INVITE,
            error));
  }

  private void requireMulti() {
    if (!accounts.settings().multi()) {
      throw HttpError.notFound(
          "Lectern runs in single-user mode here: nobody signs in, and everything is yours. "
              + "Accounts come with users.mode = multi (see docs/accounts.md).");
    }
  }

  /**
   * Where to go after signing in: a path on this site only, so that a link cannot send someone
   * elsewhere once signed in.
   */
  static String localPath(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return next;
  }
}
