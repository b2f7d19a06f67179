package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.digest.Subscription;
import dev.lectern.digest.Subscriptions;
import dev.lectern.testing.FormClient;
import dev.lectern.testing.FormClient.Answer;
import dev.lectern.user.Users;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cold start through a running server: paste, upload and follow, as a browser sends them. */
class ImportPageTest {
  @TempDir static Path dataDir;
  static WebFixture web;
  FormClient browser;

  @BeforeAll
  static void serve() {
    web = WebFixture.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (web != null) web.close();
  }

  @BeforeEach
  void browser() {
    browser = new FormClient(web.uri());
    assertThat(browser.get("/library").body()).contains("href=\"/library/import\"");
  }

  @Test
  void theFormIsLabelledAndOffersTheCommonCategories() {
    String html = browser.get("/library/import").body();
    assertThat(html)
        .contains("enctype=\"multipart/form-data\"")
        .contains("<label for=\"import-ids\"")
        .contains("<label for=\"import-file\"")
        .contains("<label for=\"import-collection\"")
        .contains("name=\"category\" value=\"cs.LG\"");
  }

  @Test
  void pastedIdsAndAFollowReportEachEntry() {
    browser.get("/library/import");
    Answer r =
        browser.postFile(
            "/library/import",
            "file",
            null,
            null,
            "ids",
            "https://arxiv.org/abs/2403.01111v2\narXiv:2501.00042 nonsense",
            "collection",
            "Cold start",
            "category",
            "cs.LG",
            "authors",
            "");
    assertThat(r.status()).isEqualTo(200);
    String html = r.body();
    assertThat(html)
        .contains("1 added, 0 already there, 1 pending, 1 unreadable")
        .contains("line 1: 2403.01111 — Sparse attention for long documents")
        .contains("line 2: 2501.00042")
        .contains("line 2: 'nonsense' is not an arXiv id or link")
        .contains("Now following");
    assertThat(new Subscriptions(web.lectern.library().database()).of(Users.LOCAL_USER))
        .extracting(Subscription::target)
        .contains("cs.LG");

    String collection = href(html);
    String page = browser.get(collection).body();
    assertThat(page).contains("Sparse attention for long documents").contains("Pending (1)");
    assertThat(page).contains("2501.00042").contains("not in the library yet");
  }

  @Test
  void anUploadedBibtexFileGoesIntoTheCollection() {
    browser.get("/library/import");
    String bib =
        "@article{a, title={A survey of graph transformers}}\n"
            + "@misc{b, eprint={2403.01111}, archivePrefix={arXiv}}\n@book{c, author={X}}\n";
    Answer r = browser.postFile("/library/import", "file", "refs.bib", bib, "collection", "Thesis");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("2 added, 0 already there, 0 pending, 1 unreadable")
        .contains("entry a: 2403.03333 — A survey of graph transformers")
        .contains("entry c: no arXiv id, arXiv link or title");
  }

  @Test
  void aTitleOnlyEntrySaysItCannotBeFetchedAndIsRemoved() {
    browser.get("/library/import");
    String bib =
        "@article{lost, title={A paper nobody harvested, \\\"Uber alles}}\n"
            + "@misc{later, eprint={2501.00077}, archivePrefix={arXiv}}\n";
    Answer r =
        browser.postFile("/library/import", "file", "refs.bib", bib, "collection", "Leftovers");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("0 added, 0 already there, 2 pending")
        .contains("entry lost: A paper nobody harvested, Über alles")
        .contains("no arXiv id, so it cannot be fetched")
        .contains("/pending/remove\"");
    String collection = href(r.body());
    String page = browser.get(collection).body();
    assertThat(page).contains("Pending (2)").contains("no arXiv id, so it cannot be fetched");
    Matcher m =
        Pattern.compile(
                "A paper nobody harvested, Über alles <span class=\"note\">[^<]*</span>\\s*"
                    + "<form class=\"inline\" method=\"post\" action=\"([^\"]+)\">\\s*"
                    + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]*\">\\s*"
                    + "<input type=\"hidden\" name=\"pending\" value=\"(\\d+)\">")
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    assertThat(m.group(1)).isEqualTo(collection + "/pending/remove");

    Answer removed = browser.post(m.group(1), "pending", m.group(2));
    assertThat(removed.status()).isEqualTo(303);
    assertThat(removed.location()).isEqualTo(collection);
    assertThat(browser.get(collection).body())
        .contains("Pending (1)")
        .contains("2501.00077")
        .doesNotContain("nobody harvested");
    assertThat(browser.post(m.group(1), "pending", m.group(2)).status()).isEqualTo(404);
    assertThat(browser.post(m.group(1), "pending", "x").status()).isEqualTo(404);
  }

  @Test
  void anEmptySubmitIsRefused() {
    browser.get("/library/import");
    assertThat(browser.postFile("/library/import", "file", null, null, "ids", " ").status())
        .isEqualTo(400);
  }

  @Test
  void withoutItsTokenAnImportIsRefused() {
    FormClient stranger = new FormClient(web.uri());
    assertThat(
            stranger.postFile("/library/import", "file", null, null, "ids", "2403.01111").status())
        .isEqualTo(403);
  }

  private static String href(String html) {
    Matcher m = Pattern.compile("Into <a href=\"(/collections/\\d+)\"").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }
}
