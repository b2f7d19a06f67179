package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.lectern.testing.BibtexReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * A reader citing and subscribing in a real headless Chromium: downloads a paper's BibTeX from its
 * page, then finds a search's Atom feed where a feed reader looks for it (the head's alternate
 * link), fetches it and reads it back.
 */
class BrowserExportTest {
  @TempDir Path dataDir;

  @Test
  void downloadAPapersBibtexThenSubscribeToASearch() throws Exception {
    try (WebFixture web = WebFixture.start(dataDir);
        Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.browser.newContext()) {
      Page page = context.newPage();
      List<String> problems = new ArrayList<>();
      page.onConsoleMessage(
          m -> {
            if (m.type().equals("error") || m.type().equals("warning"))
              problems.add(m.type() + ": " + m.text());
          });
      page.onPageError(problems::add);
      String base = web.uri().toString();

      page.navigate(base + "/papers/2403.02222");
      String shown = page.getByLabel("BibTeX, to copy").inputValue();
      assertThat(shown).startsWith("@misc{hopper2024retrieval,");
      Download download =
          page.waitForDownload(() -> page.getByText("Download 2403.02222.bib").click());
      assertThat(download.suggestedFilename()).isEqualTo("2403.02222.bib");
      String file = read(download);
      assertThat(file.strip()).isEqualTo(shown);
      assertThat(BibtexReader.read(file)).containsOnlyKeys("hopper2024retrieval");

      page.navigate(base + "/search?q=attention&mode=lexical");
      String feedUrl =
          page.locator("head link[rel=alternate][type='application/atom+xml']")
              .evaluate("l => l.href")
              .toString();
      assertThat(feedUrl).isEqualTo(base + "/search.atom?q=attention&mode=lexical");
      APIResponse answer = context.request().get(feedUrl);
      assertThat(answer.status()).isEqualTo(200);
      Feed feed =
          (Feed) new WireFeedInput().build(new InputSource(new StringReader(answer.text())));
      assertThat(feed.getEntries()).isNotEmpty();
      Entry newest = feed.getEntries().getFirst();
      page.navigate(newest.getAlternateLinks().getFirst().getHref());
      assertThat(page.locator("h1").innerText()).isEqualTo(newest.getTitle());

      page.goBack();
      Download list =
          page.waitForDownload(() -> page.locator("p.exports").getByText("BibTeX").click());
      assertThat(list.suggestedFilename()).isEqualTo("lectern-search-attention.bib");
      assertThat(BibtexReader.read(read(list))).hasSizeGreaterThan(5);

      assertThat(problems).isEmpty();
    }
  }

  private static String read(Download download) throws IOException {
    return Files.readString(download.path(), StandardCharsets.UTF_8);
  }
}
