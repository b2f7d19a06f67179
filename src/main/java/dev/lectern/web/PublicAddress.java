package dev.lectern.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where readers reach this Lectern, for links that must be absolute (feeds, invite links): the
 * configured public address (behind a proxy, which the request's own address does not show), or the
 * request's own, from its Host header.
 */
final class PublicAddress {
  private final URI configured;

  /**
   * @param configured the public address without a trailing slash, or null for each request's own
   */
  PublicAddress(URI configured) {
    this.configured = configured;
  }

  /** {@code https://lectern.example.org}, or {@code http://127.0.0.1:8080}: no trailing slash. */
  String of(Context ctx) {
    if (configured != null) return configured.toString();
    try {
      String scheme = ctx.scheme();
      int port = ctx.port();
      boolean usual = port == ("https".equals(scheme) ? 443 : 80);
      return new URI(scheme, null, ctx.req().getServerName(), usual ? -1 : port, null, null, null)
          .toString();
    } catch (URISyntaxException e) {
      throw HttpError.badRequest("the Host header is not a host name: " + e.getMessage());
    }
  }
}
