package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpJson;
import dev.lectern.testing.HttpJson.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages over an empty library, and after a failure. */
class PagesEdgeTest {
  @TempDir Path dataDir;

  @Test
  void anEmptyLibrarySaysSoAndShowsTheCommandsThatImportPapers() {
    try (WebFixture web = WebFixture.empty(dataDir)) {
      Response r = new HttpJson(web.uri()).get("/");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body())
          .contains("The library is empty")
          .contains("./lectern import hf-page")
          .contains("./lectern harvest arxiv")
          .doesNotContain("class=\"papers\"");
      assertThat(new HttpJson(web.uri()).get("/?day=2024-03-13").body())
          .contains("No papers on this day.");
    }
  }

  @Test
  void anUnexpectedFailureIsA500PageWithAMessageAndNoStackTrace() {
    try (WebFixture web = WebFixture.empty(dataDir)) {
      web.lectern.close(); // what every request finds while the server shuts down, or after a bug
      Response r = new HttpJson(web.uri()).get("/search?q=graph&mode=lexical");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.contentType()).startsWith("text/html");
      assertThat(r.body())
          .contains("<h1>Something went wrong</h1>")
          .contains("internal error")
          .doesNotContain("\tat ")
          .doesNotContain("Exception");
    }
  }
}
