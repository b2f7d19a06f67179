package dev.lectern.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Lectern's static files, served by Lectern itself (no CDN: the pages work offline and leak
 * nothing): its stylesheet, its script that renders math, and KaTeX, from its WebJar. Each is named
 * by a hash of its content, so a browser may keep it for a year: a changed file has a new name.
 */
final class Assets {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String KATEX_POM = "/META-INF/maven/org.webjars.npm/katex/pom.properties";

  private record Asset(String path, String contentType, byte[] content) {}

  private final Asset css;
  private final Asset math;
  private final Asset katex;

  Assets() {
    css = load("/web/lectern.css", "lectern", ".css", "text/css; charset=utf-8");
    math = load("/web/math.js", "math", ".js", JS);
    katex = load(katexScript(), "katex", ".js", JS);
  }

  /** The stylesheet's path, e.g. {@code /assets/lectern.3f2a9c01d4e5.css}. */
  String cssPath() {
    return css.path();
  }

  /** The path of the script that renders the math of a page ({@code web/math.js}). */
  String mathPath() {
    return math.path();
  }

  /** KaTeX's path, which the math script loads only on a page that has math. */
  String katexPath() {
    return katex.path();
  }

  void register(RoutesConfig routes) {
    for (Asset a : List.of(css, math, katex)) {
      routes.get(
          a.path(),
          ctx -> {
            ctx.header("Cache-Control", IMMUTABLE);
            ctx.contentType(a.contentType()).result(a.content());
          });
    }
  }

  /** KaTeX's minified script in its WebJar, whose folder is named by KaTeX's version. */
  private static String katexScript() {
    Properties pom = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream(KATEX_POM)) {
      if (in == null) throw new IllegalStateException("KaTeX's WebJar is missing: " + KATEX_POM);
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + KATEX_POM, e);
    }
    return "/META-INF/resources/webjars/katex/" + pom.getProperty("version") + "/dist/katex.min.js";
  }

  private static Asset load(String resource, String name, String extension, String contentType) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
      byte[] content = in.readAllBytes();
      return new Asset("/assets/" + name + "." + hash(content) + extension, contentType, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
