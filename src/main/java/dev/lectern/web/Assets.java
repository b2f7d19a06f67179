package dev.lectern.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lectern's static files, served by Lectern itself (no CDN: the pages work offline and leak
 * nothing). Each is named by a hash of its content, so a browser may keep it for a year: a changed
 * file has a new name.
 */
final class Assets {
  private static final String CSS_RESOURCE = "/web/lectern.css";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final byte[] css;
  private final String cssPath;

  Assets() {
    try (InputStream in = Assets.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) throw new IllegalStateException(CSS_RESOURCE + " is missing from the jar");
      css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CSS_RESOURCE, e);
    }
    cssPath = "/assets/lectern." + hash(css) + ".css";
  }

  /** The stylesheet's path, e.g. {@code /assets/lectern.3f2a9c01d4e5.css}. */
  String cssPath() {
    return cssPath;
  }

  void register(RoutesConfig routes) {
    routes.get(
        cssPath,
        ctx -> {
          ctx.header("Cache-Control", IMMUTABLE);
          ctx.contentType("text/css; charset=utf-8").result(css);
        });
  }

  private static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
