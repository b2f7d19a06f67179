package dev.lectern.web;

import dev.lectern.web.view.Viewer;
import io.javalin.config.RoutesConfig;
import java.util.Set;

/** {@code /api/v1/me}: whom the API takes the caller for (a token's owner, or the local user). */
final class AccountApi {
  /** The caller as the API sees them; {@code mode} is single or multi. */
  record MeJson(long id, String name, boolean admin, String mode) {}

  private final Viewers viewers;

  AccountApi(Viewers viewers) {
    this.viewers = viewers;
  }

  void register(RoutesConfig routes) {
    Api.get(
        routes,
        Api.PREFIX + "/me",
        ctx -> {
          Params.parse(ctx.queryString(), Set.of());
          Viewer v = viewers.of(ctx);
          Api.send(
              ctx,
              new MeJson(
                  v.userId(), v.name(), v.admin(), Renderer.lower(viewers.settings().mode())));
        });
  }
}
