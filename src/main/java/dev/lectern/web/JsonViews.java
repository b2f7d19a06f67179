package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.app.HarvestStatus;
import dev.lectern.embed.EmbeddingStatus;
import dev.lectern.paper.Paper;
import dev.lectern.search.SearchRequest;
import dev.lectern.search.SearchResult;
import dev.lectern.search.SearchResult.FacetCount;
import dev.lectern.search.SearchResult.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the API returns, as JSON-shaped records: dates as ISO strings, durations in (milli)seconds.
 */
final class JsonViews {
  private JsonViews() {}

  record SearchJson(
      String query,
      String mode,
      long total,
      boolean totalIsExact,
      int offset,
      int limit,
      long tookMs,
      List<String> notes,
      List<HitJson> hits,
      Map<String, List<FacetCount>> facets) {}

  /**
   * @param titleHtml and {@code snippetHtml}: HTML-escaped text with matches in {@code <mark>}
   */
  record HitJson(
      String id,
      String title,
      List<String> authors,
      List<String> categories,
      String submitted,
      Integer upvotes,
      float score,
      String titleHtml,
      String snippetHtml) {}

  /**
   * A paper as the library has it, with links to arXiv where it has an arXiv id (null otherwise).
   */
  record PaperJson(
      String id,
      String title,
      String abstractText,
      List<String> authors,
      List<String> categories,
      String submitted,
      String updated,
      int versions,
      String doi,
      String journalRef,
      String comments,
      String license,
      Integer upvotes,
      List<String> sources,
      String arxivUrl,
      String pdfUrl) {}

  record SimilarJson(String id, String title, List<HitJson> hits) {}

  record StatusJson(
      LibraryJson library, IndexJson index, EmbeddingsJson embeddings, HarvestJson harvest) {}

  record LibraryJson(long papers, long changeSeq) {}

  /**
   * @param behind library changes the index has not applied yet
   */
  record IndexJson(
      long papers,
      long withVectors,
      long changeSeq,
      long behind,
      String lastFollowed,
      String followError) {}

  /**
   * @param unembeddable papers the model fails on (counted in {@code pending}, skipped until their
   *     text changes)
   */
  record EmbeddingsJson(
      String model, long done, long pending, long unembeddable, QueueJson queue) {}

  /**
   * The queue: {@code state} is embedding, idle or stopped; {@code embeddedThisRun} and {@code
   * docsPerSecond} describe its current (or last) run, which starts when it finds work; {@code
   * etaSeconds} is the time until nothing is pending at that rate (null until a rate is known).
   */
  record QueueJson(String state, long embeddedThisRun, double docsPerSecond, Long etaSeconds) {}

  static SearchJson search(SearchRequest request, SearchResult r) {
    return new SearchJson(
        request.query(),
        lower(r.modeUsed()),
        r.totalHits(),
        r.totalIsExact(),
        request.offset(),
        request.limit(),
        r.took().toMillis(),
        r.notes(),
        hits(r.hits()),
        r.facets());
  }

  static PaperJson paper(Paper p) {
    boolean arxiv = p.hasArxivId();
    return new PaperJson(
        p.id(),
        p.title(),
        p.abstractText(),
        p.authors(),
        p.categories(),
        iso(p.submitted()),
        iso(p.updated()),
        p.versions(),
        p.doi(),
        p.journalRef(),
        p.comments(),
        p.license(),
        p.upvotes(),
        List.copyOf(p.sources()),
        arxiv ? Links.arxivAbs(p.id()) : null,
        arxiv ? Links.arxivPdf(p.id()) : null);
  }

  static SimilarJson similar(Paper paper, List<Hit> hits) {
    return new SimilarJson(paper.id(), paper.title(), hits(hits));
  }

  static StatusJson status(Background.Status s, HarvestStatus harvest) {
    EmbeddingStatus run = s.queueRun();
    String state = !s.queueRunning() ? "stopped" : s.embedding() ? "embedding" : "idle";
    Duration eta = s.eta();
    return new StatusJson(
        new LibraryJson(s.libraryPapers(), s.libraryChangeSeq()),
        new IndexJson(
            s.indexedPapers(),
            s.indexedWithVectors(),
            s.indexChangeSeq(),
            Math.max(0, s.libraryChangeSeq() - s.indexChangeSeq()),
            iso(s.lastFollowed()),
            s.followError()),
        new EmbeddingsJson(
            s.model(),
            s.embedded(),
            s.pending(),
            s.unembeddable(),
            new QueueJson(
                state,
                run.done(),
                Math.round(run.docsPerSecond() * 10) / 10.0,
                eta == null ? null : eta.toSeconds())),
        HarvestJson.of(harvest));
  }

  private static List<HitJson> hits(List<Hit> hits) {
    return hits.stream()
        .map(
            h ->
                new HitJson(
                    h.id(),
                    h.title(),
                    h.authors(),
                    h.categories(),
                    h.submitted() == null ? null : h.submitted().toString(),
                    h.upvotes(),
                    h.score(),
                    h.titleHtml(),
                    h.snippetHtml()))
        .toList();
  }

  private static String iso(java.time.LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
