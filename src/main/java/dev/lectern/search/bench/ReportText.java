package dev.lectern.search.bench;

import dev.lectern.search.bench.SearchBenchmark.Report;
import java.util.Locale;

/** The benchmark's report as a compact plain-text table, for terminals and docs/performance.md. */
public final class ReportText {
  private ReportText() {}

  public static String of(Report r) {
    StringBuilder b = new StringBuilder();
    var m = r.machine();
    line(
        b,
        "machine: %d cores, %s RAM, Java %s, heap flags %s, max heap %s",
        m.cores(),
        size(m.ramBytes()),
        m.jvm(),
        m.heapFlags(),
        size(r.heapAfterQueries().max()));
    line(b, "load average (1 min): %.2f before, %.2f after", m.loadBefore(), m.loadAfter());
    line(b, "papers: %,d; vectors: %s", r.papers(), vectors(r));
    var i = r.indexing();
    line(
        b,
        "index: %s; %s %s, merged into one segment in %s more; %s on disk, %d segments, %,d papers (%,d with a vector)",
        i.how(),
        i.how().startsWith("existing") ? "opened in" : "documents written in",
        SearchBenchmark.seconds(i.writing()),
        SearchBenchmark.seconds(i.merging()),
        size(i.bytes()),
        i.segments(),
        i.docs(),
        i.docsWithVector());
    line(
        b,
        "heap used after GC: %s after indexing, %s after the queries (max %s)",
        size(r.heapAfterIndexing().usedAfterGc()),
        size(r.heapAfterQueries().usedAfterGc()),
        size(r.heapAfterQueries().max()));
    var w = r.serveWarmup();
    if (w.searches() == 0) {
      line(b, "warm-up as serve's: none (--warmup-papers 0, or no paper with a title)");
    } else {
      line(
          b,
          "warm-up as serve's: %,d searches from %,d papers' titles in %s",
          w.searches(),
          w.papers(),
          SearchBenchmark.seconds(w.took()));
    }
    line(
        b,
        "queries: %d measured per row (12 handwritten, the rest from random titles; every 10th filtered), after %d warm-up queries per row",
        r.queries(),
        r.warmup());
    line(b, "");
    line(b, "%-40s %8s %8s %8s %8s %8s", "latency (ms)", "p50", "p90", "p99", "max", "mean");
    for (LatencyStats s : r.latencies()) {
      line(
          b,
          "%-40s %8.2f %8.2f %8.2f %8.2f %8.2f",
          s.label(),
          s.p50(),
          s.p90(),
          s.p99(),
          s.max(),
          s.mean());
    }
    r.fallbacks().forEach((what, n) -> line(b, "note: %s: %d queries", what, n));
    line(b, "");
    line(b, "slowest %d queries of each row:", LatencyStats.SLOWEST);
    for (LatencyStats s : r.latencies()) {
      if (!s.slowest().isEmpty()) line(b, "  %s: %s", s.label(), String.join("; ", s.slowest()));
    }
    if (!r.knnRecall().isEmpty()) {
      line(b, "");
      line(b, "%s", KnnRecall.HEADER);
      for (KnnRecall.Row row : r.knnRecall()) line(b, "%s", row.line());
    }
    return b.toString();
  }

  private static String vectors(Report r) {
    return switch (r.fill().vectors()) {
      case SYNTHETIC ->
          String.format(
              Locale.ROOT,
              "SYNTHETIC (hashed-word random projection, not bge; %,d added in %s)"
                  + " - latency is representative, semantic relevance is not",
              r.fill().added(),
              SearchBenchmark.seconds(r.fill().took()));
      case EXISTING -> "as stored in the library (none added)";
    };
  }

  @SuppressWarnings("AnnotateFormatMethod") // private, and every caller passes a literal format
  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  static String size(long bytes) {
    if (bytes < 0) return "?";
    if (bytes < 1L << 20) return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    if (bytes < 1L << 30)
      return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }
}
