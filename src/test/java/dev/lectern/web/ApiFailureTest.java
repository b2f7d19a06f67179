package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.app.Background;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiFailureTest {
  @TempDir Path dataDir;

  @Test
  void anUnexpectedFailureIsA500WithAMessageAndNoStackTrace() {
    Lectern lectern =
        new Lectern(Settings.load(null, Map.of(), Map.of(Settings.DATA_DIR, dataDir.toString())));
    Background background = new Background(lectern, Duration.ofSeconds(5), Background.Events.QUIET);
    try (WebServer server =
        WebServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            lectern.search(false),
            lectern.library(),
            background)) {
      lectern.close(); // what every request finds while the server shuts down, or after a bug
      Response r = new HttpJson(server.uri()).get("/api/v1/status");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.contentType()).startsWith("application/json");
      assertThat(r.json().get("error").asText())
          .isEqualTo("internal error: Lectern is shutting down");
      assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }
}
