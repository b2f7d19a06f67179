package dev.lectern.web;

import dev.lectern.digest.DigestUsers.Recipient;
import dev.lectern.digest.Digests;
import dev.lectern.web.view.UnsubscribeView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * A digest's unsubscribe link, {@code /digest/unsubscribe/<token>}: its signed token stands for the
 * user, so it works without signing in. GET shows a button (a link checker or preview fetching the
 * link must not unsubscribe anyone); POST turns the digest off. The POST is also RFC 8058's
 * one-click unsubscribe, which mail clients send without any cookie or form token: this path is
 * exempt from the CSRF check, its signature being the proof.
 */
final class UnsubscribePage {
  /** The path prefix the CSRF check must let through (see above). */
  static final String PATH = "/digest/unsubscribe/";

  private final Digests digests;
  private final Renderer renderer;

  UnsubscribePage(Digests digests, Renderer renderer) {
    this.digests = digests;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH + "<token>", ctx -> show(ctx, false));
    routes.post(
        PATH + "<token>",
        ctx -> {
          Recipient r = user(ctx);
          digests.users().turnOff(r.id());
          show(ctx, true);
        });
  }

  private void show(Context ctx, boolean done) {
    Recipient r = user(ctx);
    renderer.render(
        ctx,
        "unsubscribe.jte",
        new UnsubscribeView(
            renderer.page(ctx, done ? "Unsubscribed" : "Unsubscribe", "", "none"),
            r.name(),
            PATH + ctx.pathParam("token"),
            done));
  }

  private Recipient user(Context ctx) {
    OptionalLong id = digests.tokens().unsubscribeUser(ctx.pathParam("token"));
    return digests
        .users()
        .byId(id.orElse(-1))
        .orElseThrow(
            () ->
                new HttpError(
                    403,
                    "This unsubscribe link is not valid: it may have been cut short. Use the"
                        + " whole link from the mail, or turn digests off on the Subscriptions"
                        + " page."));
  }
}
