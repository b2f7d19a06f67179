package dev.lectern.web;

import dev.lectern.web.view.ErrorView;
import dev.lectern.web.view.Page;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Renders the precompiled JTE templates (src/main/jte), which escape every text they are given, and
 * the error page every failed page request gets.
 */
final class Renderer {
  private final Assets assets;
  private final HarvestNotices notices;
  private final Viewers viewers;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Renderer(Assets assets, HarvestNotices notices, Viewers viewers) {
    this.assets = assets;
    this.notices = notices;
    this.viewers = viewers;
  }

  /**
   * The layout's part of a view: title, static files, header query, current section and what it
   * says about the harvest, and who is looking.
   */
  Page page(Context ctx, String title, String query, String section) {
    return new Page(
        title,
        assets.cssPath(),
        assets.mathPath(),
        assets.katexPath(),
        query,
        section,
        notices.forSection(section),
        null,
        viewers.of(ctx));
  }

  void render(Context ctx, String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  /** An error page in the site's style; the status is set by the caller. */
  void error(Context ctx, int status, String message) {
    String heading =
        switch (status) {
          case 400 -> "That request cannot be answered";
          case 403 -> "Not allowed here";
          case 404 -> "Not found";
          case 405 -> "Not allowed";
          default -> status >= 500 ? "Something went wrong" : "That request cannot be answered";
        };
    render(
        ctx, "error.jte", new ErrorView(page(ctx, heading, "", "none"), status, heading, message));
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
