package dev.lectern.export;

import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.paper.Paper;
import dev.lectern.testing.CollectingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real arXiv snapshot records with LaTeX (arxiv/latex-records.md), read as an import reads
 * them.
 */
final class RealRecords {
  private RealRecords() {}

  static List<Paper> papers() {
    try {
      Path file = Path.of(RealRecords.class.getResource("/arxiv/latex-records.jsonl").toURI());
      CollectingSink sink = new CollectingSink();
      new SnapshotSource(file).read(sink, null);
      return sink.papers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Paper> byId() {
    Map<String, Paper> out = new LinkedHashMap<>();
    for (Paper p : papers()) out.put(p.id(), p);
    return out;
  }
}
