package dev.lectern.app;

import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;

/** Wires Lectern's services from its settings: the one place that knows how the parts fit together. */
public final class Lectern {
  private final Settings settings;
  private final PaperLibrary library;

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
}
