package dev.lectern.app;

import dev.lectern.digest.Digests;
import dev.lectern.digest.MailSettings;
import dev.lectern.digest.Recommendations;
import dev.lectern.embed.Embedder;
import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.embed.QueryVectorCache;
import dev.lectern.index.IndexLockedException;
import dev.lectern.index.IndexProgress;
import dev.lectern.index.IndexSnapshot;
import dev.lectern.index.LuceneIndex;
import dev.lectern.index.PaperIndex;
import dev.lectern.index.SearchableIndex;
import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.ingest.http.PoliteHttpClient;
import dev.lectern.recommend.ForYou;
import dev.lectern.recommend.Recommender;
import dev.lectern.search.SearchService;
import dev.lectern.store.Database;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import dev.lectern.user.TrainingSignals;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wires Lectern's services from its settings: the one place that knows how the parts fit together.
 */
public final class Lectern implements AutoCloseable {
  /** Recent queries whose vectors a search process keeps: paging and re-sorting reuse them. */
  private static final int QUERY_VECTORS_KEPT = 1_000;

  private final Settings settings;
  private final PaperLibrary library;
  private Embedder embedder;
  private Embedder queryEmbedder;
  private LuceneIndex index;
  private IndexSnapshot snapshot;
  private Accounts accounts;
  private boolean closed;

  public Lectern(Settings settings) {
    this.settings = settings;
    String url = settings.getOrNull(Settings.DATABASE_URL);
    Database db =
        url == null || url.isBlank()
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

  /**
   * arXiv by id (OAI-PMH GetRecord at harvest.arxiv.base-url), for papers imported before the
   * library had them: few attempts and short timeouts, since a user waits on the answer.
   */
  public ArxivRecords arxivRecords() {
    return new ArxivRecords(
        URI.create(settings.get(Settings.ARXIV_OAI_URL)),
        PoliteHttpClient.builder()
            .maxAttempts(2)
            .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
            .build());
  }

  /** The accounts, as the users.* settings say they work. */
  public synchronized Accounts accounts() {
    if (accounts == null)
      accounts = new Accounts(library.database(), accountSettings(), Clock.systemUTC());
    return accounts;
  }

  /** What "For you" ranks: the window of recent days ({@code recommend.window-days}). */
  public ForYou.Settings forYouSettings() {
    int days = settings.getInt(Settings.RECOMMEND_WINDOW_DAYS);
    if (days < 1 || days > 365)
      throw new ConfigException(
          Settings.RECOMMEND_WINDOW_DAYS + " is a number of days from 1 to 365, not " + days);
    return new ForYou.Settings(days, ForYou.Settings.defaults().maxCandidates());
  }

  private AccountSettings accountSettings() {
    try {
      return AccountSettings.parse(
          settings.get(Settings.USERS_MODE),
          settings.get(Settings.USERS_SIGNUP),
          settings.getDuration(Settings.USERS_SESSION_LIFETIME));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "settings users.mode, users.signup, users.session-lifetime: " + e.getMessage());
    }
  }

  /**
   * The address readers reach this Lectern at ({@code server.public-url}), for absolute links; null
   * when not set: the web answers with each request's own.
   *
   * @throws ConfigException when it is not an http or https address
   */
  public URI publicUrl() {
    String url = settings.get(Settings.SERVER_PUBLIC_URL).strip();
    if (url.isEmpty()) return null;
    try {
      URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!uri.isAbsolute() || uri.getHost() == null || !uri.getScheme().matches("https?"))
        throw new URISyntaxException(url, "not an http or https address with a host");
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(
          Settings.SERVER_PUBLIC_URL
              + " must be an address such as https://lectern.example.org, not '"
              + url
              + "'");
    }
  }

  /** Where a digest's links point: mail.base-url, else server.public-url, else this machine. */
  private String mailBaseUrl() {
    String mail = settings.get(Settings.MAIL_BASE_URL).strip();
    if (!mail.isEmpty()) return mail;
    URI pub = publicUrl();
    return pub != null
        ? pub.toString()
        : "http://localhost:" + settings.getInt(Settings.SERVER_PORT);
  }

  /** How digests reach the mail server, from the {@code mail.*} settings. */
  public MailSettings mailSettings() {
    int port = settings.getInt(Settings.MAIL_PORT);
    if (port < 1 || port > 65_535)
      throw new ConfigException(Settings.MAIL_PORT + " must be between 1 and 65535, not " + port);
    MailSettings.Security security;
    try {
      security = MailSettings.Security.of(settings.get(Settings.MAIL_SECURITY));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return new MailSettings(
        settings.get(Settings.MAIL_HOST).strip(),
        port,
        settings.get(Settings.MAIL_USER).strip(),
        settings.get(Settings.MAIL_PASSWORD),
        settings.get(Settings.MAIL_FROM).strip(),
        security,
        mailBaseUrl(),
        settings.getDuration(Settings.MAIL_PAUSE));
  }

  /**
   * Saved searches, follows, feeds and digests over this library, searching with {@code search},
   * with each user's "For you" papers of the digest's days.
   */
  public Digests digests(SearchService search) {
    ForYou.Settings forYou = forYouSettings();
    Recommendations recommendations =
        new DigestRecommendations(
            new ForYou(
                library,
                new TrainingSignals(library, Clock.systemUTC()),
                forYou,
                Recommender.Options.defaults()),
            library,
            forYou.windowDays());
    return Digests.open(library, search, settings.dataDir(), mailSettings(), recommendations);
  }

  /**
   * The embedding model, loaded on first use (about a second) and kept for the life of the process.
   */
  public synchronized Embedder embedder() {
    requireOpen();
    if (embedder == null) {
      int queryThreads = settings.getInt(Settings.EMBED_QUERY_THREADS);
      if (queryThreads < 0) {
        throw new ConfigException(
            Settings.EMBED_QUERY_THREADS + " must be 0 (every core) or more, not " + queryThreads);
      }
      OnnxBgeEmbedder.Options options = OnnxBgeEmbedder.Options.defaults();
      embedder =
          OnnxBgeEmbedder.open(
              queryThreads == 0 ? options : options.withQueryThreads(queryThreads));
    }
    return embedder;
  }

  /**
   * Where freshly computed vectors go besides the library: the search index, so it need not wait.
   */
  public Consumer<Map<String, float[]>> vectorListener() {
    return vectors -> index().updateVectors(vectors);
  }

  /**
   * The search index in {@code data-dir/index}, opened on first use. Opening catches up with
   * whatever the library changed since the index last committed (after a crash, say); it is
   * rebuilt, saying so on the standard error, when it was made for another embedding model or by a
   * version that analysed text otherwise.
   *
   * @throws IndexLockedException when another process (a running {@code lectern serve}) has it open
   */
  public synchronized LuceneIndex index() {
    return index(LuceneIndex.Residency.ON_DEMAND);
  }

  /**
   * The search index, opened on first use as {@code residency} says (a long-running process
   * preloads it); a later call returns the index already open, whatever it asks.
   */
  public synchronized LuceneIndex index(LuceneIndex.Residency residency) {
    return index(residency, IndexProgress.NONE);
  }

  /**
   * The search index; if this opens it, {@code progress} is told how catching up with the library
   * goes.
   */
  public synchronized LuceneIndex index(IndexProgress progress) {
    return index(LuceneIndex.Residency.ON_DEMAND, progress);
  }

  private LuceneIndex index(LuceneIndex.Residency residency, IndexProgress progress) {
    requireOpen();
    if (index == null) {
      index =
          LuceneIndex.open(
              indexPath(),
              library,
              OnnxBgeEmbedder.MODEL_ID,
              residency,
              progress,
              System.err::println);
    }
    return index;
  }

  /**
   * Rebuilds the search index from the library. An index not open yet is opened for the rebuild,
   * without catching up with the library first (which would write every paper twice when it is far
   * behind).
   */
  public synchronized PaperIndex.SyncReport rebuildIndex(IndexProgress progress) {
    requireOpen();
    if (index != null) return index.rebuild(progress);
    index = LuceneIndex.openRebuilt(indexPath(), library, OnnxBgeEmbedder.MODEL_ID, progress);
    return index.openingReport();
  }

  private java.nio.file.Path indexPath() {
    return settings.dataDir().resolve("index");
  }

  /**
   * Search over the index. With {@code withEmbedder} false the model is not loaded (lexical search
   * needs none); semantic and hybrid requests then fall back to words and say so. While another
   * process (a running {@code lectern serve}) holds the index, it searches the index as that
   * process last committed it.
   */
  public SearchService search(boolean withEmbedder) {
    SearchableIndex searchable;
    try {
      searchable = index();
    } catch (IndexLockedException e) {
      searchable = snapshot(); // a running serve holds it: search what it last committed
    }
    return new SearchService(searchable, withEmbedder ? queryEmbedder() : null);
  }

  /** The model behind a cache of recent queries' vectors, for the searches of this process. */
  private synchronized Embedder queryEmbedder() {
    if (queryEmbedder == null)
      queryEmbedder = QueryVectorCache.around(embedder(), QUERY_VECTORS_KEPT);
    return queryEmbedder;
  }

  private synchronized IndexSnapshot snapshot() {
    requireOpen();
    if (snapshot == null) snapshot = IndexSnapshot.open(indexPath());
    return snapshot;
  }

  /**
   * Closes the index, the model and the library's connections; safe to call again (serve's shutdown
   * hook and the command both do).
   */
  @Override
  public synchronized void close() {
    closeLeavingModel();
    library.database().close();
    Embedder closing = embedder;
    embedder = null;
    queryEmbedder = null;
    if (closing instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a model at exit cannot lose data
      }
    }
  }

  /**
   * Closes the index but not the model, for a process about to halt while a model run is still in
   * flight (closing the model under it would crash the JVM).
   */
  public synchronized void closeLeavingModel() {
    closed = true;
    if (index != null) index.close();
    index = null;
    if (snapshot != null) snapshot.close();
    snapshot = null;
  }

  /** A late caller (a background thread still finishing) must not reopen what shutdown closed. */
  private void requireOpen() {
    if (closed) throw new IllegalStateException("Lectern is shutting down");
  }
}
