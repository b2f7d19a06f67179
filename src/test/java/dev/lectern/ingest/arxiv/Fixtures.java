package dev.lectern.ingest.arxiv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded OAI-PMH responses under {@code src/test/resources/oai/}. */
final class Fixtures {
  private Fixtures() {}

  static String oai(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/oai/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture /oai/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
