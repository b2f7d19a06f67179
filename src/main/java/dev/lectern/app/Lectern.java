package dev.lectern.app;

import dev.lectern.embed.Embedder;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.Database;
import java.util.Map;
import java.util.function.Consumer;
import dev.lectern.store.PaperLibrary;

/** Wires Lectern's services from its settings: the one place that knows how the parts fit together. */
public final class Lectern {
  private final Settings settings;
  private final PaperLibrary library;
  private Embedder embedder;

  public Lectern(Settings settings) {
    this.settings = settings;
    String url = settings.getOrNull(Settings.DATABASE_URL);
    Database db = url == null || url.isBlank()
        ? Database.openEmbedded(settings.dataDir())
        : Database.open(url);
    this.library = new PaperLibrary(db);
  }

  public Settings settings() {
    return settings;
  }

  public PaperLibrary library() {
    return library;
  }

  /** The embedding model, loaded on first use (about a second) and kept for the life of the process. */
  public synchronized Embedder embedder() {
    if (embedder == null) embedder = OnnxBgeEmbedder.open();
    return embedder;
  }

  /** Where freshly computed vectors go besides the library: the search index, so it need not wait. */
  public Consumer<Map<String, float[]>> vectorListener() {
    return vectors -> {};
  }
}
