package dev.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The fields of a form that changes something, and where it goes back to: a page of this site only
 * ({@code next}), so a link elsewhere cannot send a user through Lectern to another site.
 */
final class Forms {
  /** Longer than any page's path and query here. */
  static final int MAX_NEXT = 2000;

  private Forms() {}

  static String required(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank())
      throw HttpError.badRequest("the form's '" + name + "' is missing");
    return v.strip();
  }

  /** A yes or no field, sent as {@code true} or {@code false}. */
  static boolean on(Context ctx) {
    String v = required(ctx, "on");
    if (v.equals("true")) return true;
    if (v.equals("false")) return false;
    throw HttpError.badRequest("the form's 'on' is true or false, not '" + v + "'");
  }

  /**
   * The page the form comes back to, or {@code fallback} when it names none.
   *
   * @throws HttpError when it names anything but a path of this site
   */
  static String next(Context ctx, String fallback) {
    String n = ctx.formParam("next");
    if (n == null || n.isBlank()) return fallback;
    if (!isLocal(n))
      throw HttpError.badRequest(
          "the form's 'next' must be a page of this Lectern, a path such as /library");
    return n;
  }

  /** An absolute path of this site: not {@code //host}, {@code /\host} nor a scheme. */
  static boolean isLocal(String n) {
    if (n.length() > MAX_NEXT || !n.startsWith("/") || n.startsWith("//")) return false;
    if (n.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) return false;
    try {
      URI u = new URI(n);
      return u.getScheme() == null && u.getRawAuthority() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** 303: the browser GETs the page it came from, so a reload does not post again. */
  static void back(Context ctx, String to) {
    ctx.redirect(to, HttpStatus.SEE_OTHER);
  }

  /** A long id as a path gives it; not a number is no such thing (404). */
  static long id(String s, HttpError none) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw none;
    }
  }
}
