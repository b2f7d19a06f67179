package dev.lectern.web;

import dev.lectern.user.Secrets;
import dev.lectern.web.view.Viewer;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every request passes before its handler: the CSRF check of a request that changes something,
 * and, in multi-user mode, the sign-in a page or endpoint with a user's data needs.
 */
final class Guards {
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * What an anonymous visitor may read in multi-user mode: the library itself (today, search,
   * papers, lists, exports, status) and the sign-in pages. Anything else needs an account, so a new
   * page with a user's data is private unless it is added here.
   */
  private static final Pattern PUBLIC_PAGES =
      Pattern.compile(
          "/|/search|/status|/login|/signup|/(search|feed)\\.[a-z]+"
              + "|/(papers|authors|categories|assets)/.+");

  /**
   * Links whose signature names their user, opened from a feed reader or a mail: a user's feed, and
   * a digest's unsubscribe page and its one-click POST.
   */
  private static final Pattern SIGNED_LINKS =
      Pattern.compile("/users/feed/.+|/digest/unsubscribe/.+");

  /** Where an anonymous visitor may post: signing in and up, and out. */
  private static final Set<String> PUBLIC_FORMS = Set.of("/login", "/signup", "/logout");

  private final Viewers viewers;
  private final List<Pattern> publicApi;
  private final List<String> routes;
  private volatile List<Pattern> changingRoutes;

  /**
   * @param routes the server's routes as method and path, filled in while it is configured
   */
  Guards(Viewers viewers, List<String> publicApiPaths, List<String> routes) {
    this.viewers = viewers;
    this.routes = routes;
    this.publicApi =
        publicApiPaths.stream()
            .map(p -> Pattern.compile(Pattern.quote(p).replaceAll("\\{[a-z]+\\}", "\\\\E.+\\\\Q")))
            .toList();
  }

  /**
   * A request that changes something must carry the CSRF token of the page it came from, in the
   * {@code _csrf} field or the {@code X-CSRF-Token} header, in both modes: a page on another site
   * can post to a Lectern on localhost. An API call with a bearer token carries no cookies, so it
   * needs none.
   */
  void csrf(Context ctx) {
    if (!CHANGING.contains(ctx.method().name()) || !routed(ctx)) return;
    // a mail client's one-click unsubscribe has no cookie: the link's signature is its proof
    if (ctx.path().startsWith(UnsubscribePage.PATH)) return;
    Viewer viewer = viewers.of(ctx);
    if (viewers.byToken(ctx)) return;
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) sent = formField(ctx);
    if (viewer.csrfToken().isEmpty() || !Secrets.same(sent, viewer.csrfToken())) {
      throw new HttpError(
          403,
          sent == null
              ? "This request came without its security token (the form's _csrf field or the "
                  + CSRF_HEADER
                  + " header), so Lectern did not act on it. Go back, reload the page and try again."
              : "This form's security token does not match your session: it may be from an older"
                  + " page, or from another site. Go back, reload the page and try again.");
    }
  }

  /** In multi-user mode, a visitor who has not signed in reads only the library itself. */
  void access(Context ctx) {
    if (!viewers.multi() || viewers.of(ctx).signedIn()) return;
    String path = ctx.path();
    boolean reading = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
    if (WebServer.isApi(ctx)) {
      if (reading && publicApi.stream().anyMatch(p -> p.matcher(path).matches())) return;
      throw new HttpError(
          401, "sign in first: send Authorization: Bearer <token>, with a token made on /account");
    }
    if (PUBLIC_FORMS.contains(path) || reading && PUBLIC_PAGES.matcher(path).matches()) return;
    if (SIGNED_LINKS.matcher(path).matches()) return;
    String here = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
    // a form (Save on a card, say) cannot be replayed, but its page can be come back to
    String back = reading ? here : formNext(ctx);
    throw new Redirect(
        "/login"
            + (back == null ? "" : "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
  }

  /** The page a form says it came from, when that is a page of this site; else null. */
  private static String formNext(Context ctx) {
    String next = ctx.formParam("next");
    return next != null && Forms.isLocal(next) ? next : null;
  }

  /**
   * Whether a route takes this method at this path: a POST to a page that only reads changes
   * nothing, and is answered 405 rather than 403.
   */
  private boolean routed(Context ctx) {
    List<Pattern> patterns = changingRoutes;
    if (patterns == null) {
      patterns =
          routes.stream()
              .filter(r -> CHANGING.contains(r.split(" ", 2)[0]))
              .map(
                  r ->
                      Pattern.compile(
                          r.split(" ", 2)[0]
                              + " "
                              + r.split(" ", 2)[1]
                                  .replaceAll("\\{[^}/]+\\}", "[^/]+")
                                  .replaceAll("<[^>/]+>", ".+")))
              .toList();
      changingRoutes = patterns;
    }
    String request = ctx.method().name() + " " + ctx.path();
    return patterns.stream().anyMatch(p -> p.matcher(request).matches());
  }

  private static String formField(Context ctx) {
    String type = ctx.contentType();
    if (type == null) return null;
    String t = type.toLowerCase(java.util.Locale.ROOT);
    if (!t.startsWith("application/x-www-form-urlencoded") && !t.startsWith("multipart/form-data"))
      return null;
    return ctx.formParam(CSRF_FIELD);
  }
}
