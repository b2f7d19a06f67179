package dev.lectern.web;

import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import dev.lectern.user.Secrets;
import dev.lectern.user.Sessions.Session;
import dev.lectern.user.User;
import dev.lectern.web.view.Viewer;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds who made a request: the bearer token of an API client, else the session cookie (multi-user
 * mode), else the implicit local user (single-user mode) or an anonymous visitor. Each request is
 * resolved once; its CSRF token is a signature, under the library's key, of the session's id or,
 * before signing in and in single-user mode, of a random cookie of its own (a double-submit cookie:
 * another site can make the browser send it, but cannot read it to put it in a form).
 */
final class Viewers {
  static final String SESSION_COOKIE = "lectern_session";
  static final String CSRF_COOKIE = "lectern_csrf";
  private static final String VIEWER = "lectern.viewer";
  private static final String BY_TOKEN = "lectern.byToken";
  private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Accounts accounts;
  private final String key;

  Viewers(Accounts accounts) {
    this.accounts = accounts;
    this.key = accounts.signingKey();
  }

  boolean multi() {
    return accounts.settings().multi();
  }

  Viewer of(Context ctx) {
    Viewer v = ctx.attribute(VIEWER);
    if (v == null) {
      v = resolve(ctx);
      ctx.attribute(VIEWER, v);
    }
    return v;
  }

  /** Whether the request came with a valid API token (no cookies, so no CSRF check). */
  boolean byToken(Context ctx) {
    of(ctx);
    return Boolean.TRUE.equals(ctx.attribute(BY_TOKEN));
  }

  private Viewer resolve(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) return bearer(ctx, authorization);
    if (!multi()) return new Viewer(Viewer.LOCAL_USER, "local", true, false, anonymousToken(ctx));
    String sid = ctx.cookie(SESSION_COOKIE);
    Optional<Session> session = accounts.sessions().resolve(sid);
    Optional<User> user = session.flatMap(s -> accounts.users().byId(s.userId()));
    if (user.isPresent()) {
      if (session.get().extended()) setSession(ctx, sid, accounts.sessions().lifetime());
      User u = user.get();
      return new Viewer(
          u.id(), u.name(), u.admin(), true, Secrets.sign(key, "session:" + sid), true);
    }
    if (sid != null) setSession(ctx, "", Duration.ZERO); // expired or signed out elsewhere
    return new Viewer(Viewer.NOBODY, "", false, false, anonymousToken(ctx), true);
  }

  private Viewer bearer(Context ctx, String authorization) {
    String prefix = "Bearer ";
    Optional<User> user =
        authorization.regionMatches(true, 0, prefix, 0, prefix.length())
            ? accounts
                .tokens()
                .resolve(authorization.substring(prefix.length()).strip())
                .flatMap(id -> accounts.users().byId(id))
            : Optional.empty();
    if (user.isEmpty()) {
      throw new HttpError(
          401,
          "the API token is not valid (mistyped or revoked); send Authorization: Bearer <token>"
              + " with a token made on /account");
    }
    ctx.attribute(BY_TOKEN, true);
    User u = user.get();
    return multi()
        ? new Viewer(u.id(), u.name(), u.admin(), true, "", true)
        : new Viewer(Viewer.LOCAL_USER, "local", true, false, "");
  }

  /** The CSRF token of a visitor without a session, from (or with) its own random cookie. */
  private String anonymousToken(Context ctx) {
    String value = ctx.cookie(CSRF_COOKIE);
    if (value == null || !COOKIE_VALUE.matcher(value).matches()) {
      if (WebServer.isApi(ctx)) return ""; // API calls carry no forms
      value = Secrets.random();
      setCookie(ctx, CSRF_COOKIE, value, null);
    }
    return Secrets.sign(key, "anonymous:" + value);
  }

  /** Sets (or, with an empty id and zero lifetime, clears) the session cookie. */
  static void setSession(Context ctx, String id, Duration lifetime) {
    setCookie(ctx, SESSION_COOKIE, id, lifetime);
  }

  /**
   * {@code HttpOnly}: no script reads it; {@code SameSite=Lax}: another site's form posts go
   * without it; {@code Secure} when the request came over https (directly or through a proxy that
   * says so).
   */
  private static void setCookie(Context ctx, String name, String value, Duration maxAge) {
    boolean https =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/"
                + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds())
                + "; HttpOnly; SameSite=Lax"
                + (https ? "; Secure" : ""));
  }

  AccountSettings settings() {
    return accounts.settings();
  }
}
