package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.app.ConfigException;
import dev.lectern.app.Lectern;
import dev.lectern.app.Settings;
import dev.lectern.testing.HttpJson;
import dev.lectern.testing.TestLibrary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a proxy the request's own address is not the one readers use: with {@code
 * server.public-url} set, the links that must be absolute (feeds, the user's feed link) use it.
 */
class PublicAddressTest {
  static final String PUBLIC = "https://lectern.example.org/lab";
  @TempDir Path dir;

  private Lectern lectern(String publicUrl) {
    return new Lectern(
        Settings.load(
            null,
            Map.of(),
            Map.of(Settings.DATA_DIR, dir.toString(), Settings.SERVER_PUBLIC_URL, publicUrl)));
  }

  @Test
  void feedsAndTheUsersFeedLinkUseThePublicAddress() {
    Lectern lectern = lectern(PUBLIC + "/");
    TestLibrary.write(
        lectern.library(), WebFixture.handMade().toArray(dev.lectern.paper.Paper[]::new));
    try (WebFixture web = WebFixture.serve(lectern)) {
      HttpJson http = new HttpJson(web.uri());
      String feed = http.get("/feed.atom?day=2024-03-13").body();
      assertThat(feed).contains("href=\"" + PUBLIC + "/?day=2024-03-13\"");
      assertThat(feed).doesNotContain("127.0.0.1");
      String search = http.get("/search.atom?q=attention").body();
      assertThat(search).contains("href=\"" + PUBLIC + "/search?q=attention\"");
      assertThat(http.get("/subscriptions").body()).contains(">" + PUBLIC + "/users/feed/");
    }
  }

  @Test
  void withoutOneTheLinksAreTheRequestsOwn() {
    try (WebFixture web = WebFixture.serve(lectern(""))) {
      String feed = new HttpJson(web.uri()).get("/feed.atom").body();
      assertThat(feed).contains("href=\"" + web.uri() + "/\"");
    }
  }

  @Test
  void anAddressThatIsNotOneIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> lectern("lectern.example.org").publicUrl())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.public-url must be an address such as https://");
  }
}
