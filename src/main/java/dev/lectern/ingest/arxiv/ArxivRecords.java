package dev.lectern.ingest.arxiv;

import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One paper by its arXiv id: an OAI-PMH GetRecord, read by the harvest's parser. */
public final class ArxivRecords {
  private final URI base;
  private final PoliteHttpClient http;
  private final ArxivOaiParser parser = new ArxivOaiParser();

  public ArxivRecords(URI base, PoliteHttpClient http) {
    this.base = base;
    this.http = http;
  }

  /**
   * The paper, or empty when arXiv has none with this id.
   *
   * @throws IOException when arXiv cannot be reached or answers with anything else
   */
  public Optional<Paper> get(String arxivId) throws IOException {
    URI url =
        URI.create(
            base
                + "?verb=GetRecord&identifier="
                + URLEncoder.encode("oai:arXiv.org:" + arxivId, StandardCharsets.UTF_8)
                + "&metadataPrefix=arXiv");
    OaiPage page = parser.parseRecords(http.get(url), url.toString());
    if (page.error() != null) {
      if ("idDoesNotExist".equals(page.error().code())) return Optional.empty();
      throw new IOException("arXiv answered " + url + " with error " + page.error());
    }
    for (OaiPage.Entry e : page.entries())
      if (e instanceof OaiPage.Entry.Accepted a) return Optional.of(a.paper());
    return Optional.empty();
  }
}
