package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.digest.Digests;
import dev.lectern.digest.InvalidInput;
import dev.lectern.digest.Subscriptions;
import dev.lectern.export.PaperLists;
import dev.lectern.feed.DailyFeed;
import dev.lectern.ingest.arxiv.ArxivRecords;
import dev.lectern.recommend.ForYou;
import dev.lectern.recommend.Recommender;
import dev.lectern.search.SearchService;
import dev.lectern.store.PaperLibrary;
import dev.lectern.user.AccountSettings;
import dev.lectern.user.Accounts;
import dev.lectern.user.PaperCollections;
import dev.lectern.user.PaperImport;
import dev.lectern.user.PaperMarks;
import dev.lectern.user.PendingFetch;
import dev.lectern.user.PendingImports;
import dev.lectern.user.TrainingSignals;
import dev.lectern.user.UserDataException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lectern's HTTP server: Javalin on Jetty, serving the web pages, their stylesheet and the JSON API
 * under {@code /api/v1/}. It only translates HTTP to calls on the core services; every failure
 * becomes an error answer in the API's shape, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /**
   * Jetty's threads, its acceptor and selectors included. Searches are CPU-bound and short
   * (milliseconds), so threads beyond the cores only queue inside; a few more let a slow request
   * not hold up quick ones.
   */
  static final int MAX_THREADS = 16;

  /**
   * Request line and headers, query string included: Jetty's default (8 KiB) would refuse a pasted
   * 10 KB query before Lectern could cut it to its first 500 characters with a note.
   */
  static final int MAX_REQUEST_HEADERS = 32 * 1024;

  /** Time in-flight requests get to finish when stopping. */
  static final long STOP_TIMEOUT_MS = 2_000;

  private final Javalin app;
  private final String host;
  private final List<String> routes;

  private WebServer(Javalin app, String host, List<String> routes) {
    this.app = app;
    this.host = host;
    this.routes = List.copyOf(routes);
  }

  /**
   * What the server offers beyond the library: accounts, "For you", saved searches and digests
   * (none when {@code digests} is null), fetching imported papers from arXiv (none when {@code
   * arxiv} is null: they stay pending), and the address readers reach it at for absolute links
   * (null: each request's own, from its Host header).
   */
  public record People(
      Accounts accounts,
      ForYou.Settings forYou,
      Digests digests,
      ArxivRecords arxiv,
      URI publicUrl) {
    /** Single-user mode, without digests, arXiv or a public address. */
    public static People single(PaperLibrary library) {
      return new People(
          new Accounts(library.database(), AccountSettings.single(), Clock.systemUTC()),
          ForYou.Settings.defaults(),
          null,
          null,
          null);
    }
  }

  /**
   * Starts serving at the address (port 0 picks a free port) in single-user mode.
   *
   * @throws UncheckedIOException when the address cannot be bound (port in use, unknown host)
   */
  public static WebServer start(
      InetSocketAddress address,
      SearchService search,
      PaperLibrary library,
      Background background) {
    return start(address, search, library, background, People.single(library));
  }

  /**
   * Starts serving at the address (port 0 picks a free port), with accounts and the people features
   * as {@code people} sets them.
   *
   * @throws UncheckedIOException when the address cannot be bound (port in use, unknown host)
   */
  public static WebServer start(
      InetSocketAddress address,
      SearchService search,
      PaperLibrary library,
      Background background,
      People people) {
    Accounts accounts = people.accounts();
    Digests digests = people.digests();
    ArxivRecords arxiv = people.arxiv();
    Api api = new Api(search, library, background);
    DailyFeed feed = new DailyFeed(library);
    Assets assets = new Assets();
    Viewers viewers = new Viewers(accounts);
    // filled while Javalin is configured, read by the guards once requests come
    List<String> routes = java.util.Collections.synchronizedList(new ArrayList<>());
    Guards guards = new Guards(viewers, Api.PUBLIC_PATHS, routes);
    Renderer pages = new Renderer(assets, new HarvestNotices(background::harvestStatus), viewers);
    PaperMarks marks = new PaperMarks(library, Clock.systemUTC());
    PaperCollections collections = new PaperCollections(library, marks, Clock.systemUTC());
    MarkForms forms = new MarkForms(marks, collections, viewers);
    PendingImports pending = new PendingImports(library, collections, Clock.systemUTC());
    PendingFetch fetch =
        arxiv == null ? null : new PendingFetch(library, pending, arxiv, Clock.systemUTC());
    TrainingSignals signals = new TrainingSignals(library, Clock.systemUTC());
    ForYou forYou = new ForYou(library, signals, people.forYou(), Recommender.Options.defaults());
    Subscriptions subscriptions = digests == null ? null : digests.subscriptions();
    PublicAddress publicAddress = new PublicAddress(people.publicUrl());
    Javalin app =
        Javalin.create(
            config -> {
              configure(config);
              config.events.handlerAdded(
                  added -> routes.add(added.getHttpMethod() + " " + added.getPath()));
              config.routes.before(WebServer::securityHeaders);
              config.routes.before(guards::csrf);
              config.routes.before(guards::access);
              assets.register(config.routes);
              api.register(config.routes);
              new MeApi(marks, collections, viewers).register(config.routes);
              new BrowseApi(feed, search).register(config.routes);
              new TodayPage(feed, pages, forms).register(config.routes);
              new SearchPage(search, pages, forms, subscriptions).register(config.routes);
              new Exports(new PaperLists(search, library), library, publicAddress)
                  .register(config.routes); // before the paper page, which takes any id
              new PaperPage(search, library, pages, forms, collections, viewers)
                  .register(config.routes);
              forms.register(config.routes);
              new LibraryPages(marks, collections, forms, viewers, pages).register(config.routes);
              new ForYouPage(forYou, signals, marks, library, forms, viewers, pages)
                  .register(config.routes);
              new ImportPage(
                      new PaperImport(collections, pending),
                      fetch,
                      collections,
                      library,
                      subscriptions,
                      viewers,
                      pages)
                  .register(config.routes);
              new CollectionPages(collections, pending, fetch, forms, viewers, pages)
                  .register(config.routes);
              new StatusPage(background, pages).register(config.routes);
              new ListPages(search, pages, forms, subscriptions).register(config.routes);
              new SignInPages(accounts, viewers, pages).register(config.routes);
              new AccountPage(accounts, viewers, pages).register(config.routes);
              new AdminPage(accounts, viewers, pages, publicAddress).register(config.routes);
              new AccountApi(viewers).register(config.routes);
              if (digests != null) {
                new SubscriptionPages(digests, pages, viewers, publicAddress)
                    .register(config.routes);
                new UnsubscribePage(digests, pages).register(config.routes);
              }
              errors(config, pages);
            });
    try {
      app.start(address.getHostString(), address.getPort());
    } catch (JavalinBindException e) {
      app.stop();
      throw new UncheckedIOException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + ": "
              + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
          new java.io.IOException(e));
    }
    return new WebServer(app, address.getHostString(), routes);
  }

  private static void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // a POST to a page that only reads is "not allowed", not "not found"
    config.http.prefer405over404 = true;
    // forms (a note has at most 2,000 characters) and one upload to import, of at most 2 MiB
    config.http.maxRequestSize = ImportPage.MAX_FILE + 64 * 1024;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("lectern-http");
    threads.setDaemon(true);
    config.jetty.threadPool = threads;
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(STOP_TIMEOUT_MS);
          server.setErrorHandler(new JettyErrors());
        });
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setRequestHeaderSize(MAX_REQUEST_HEADERS);
          http.setSendServerVersion(false);
          // an old-style id with its slash encoded (hep-th%2F9901001) is a paper id, not two path
          // segments, and an author's name written in LaTeX (Kurt G\"odel) keeps its encoded
          // backslash: no path here names a file, so neither can reach one
          http.setUriCompliance(
              UriCompliance.DEFAULT.with(
                  "lectern",
                  UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                  UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        });
    config.jetty.modifyServletContextHandler(
        handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
  }

  /**
   * Every answer: scripts only from Lectern's own files and styles only from its own stylesheet,
   * nothing inline (so stored text that slipped through as markup could not run or restyle); no
   * sniffing a JSON answer into HTML, no referrer sent to arXiv or anyone when a link is followed,
   * and no framing by another site. KaTeX renders math as MathML (see web/math.js), which needs
   * neither its style attributes nor its fonts, so nothing here is loosened for it.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
  }

  private static void errors(JavalinConfig config, Renderer pages) {
    config.routes.exception(
        HttpError.class, (e, ctx) -> fail(ctx, pages, e.status(), e.getMessage()));
    // what a user asked of saved searches and digests cannot be done as asked: they can fix it
    config.routes.exception(InvalidInput.class, (e, ctx) -> fail(ctx, pages, 400, e.getMessage()));
    config.routes.exception(
        Redirect.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
    config.routes.exception(
        UserDataException.class, (e, ctx) -> fail(ctx, pages, 400, e.getMessage()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          // Javalin's own: no route matched the path, or the method
          int status = e.getStatus();
          String message =
              status == 404
                  ? notFound(ctx)
                  : status == 405
                      ? "method "
                          + ctx.method()
                          + " is not allowed at "
                          + ctx.path()
                          + "; it answers "
                          + allowed(e)
                      : e.getMessage();
          if (status == 405) ctx.header("Allow", allowed(e));
          fail(ctx, pages, status, message);
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          fail(
              ctx,
              pages,
              500,
              "internal error: "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        });
  }

  /** The methods Javalin found routes for at the path (its 405's details), HEAD with GET. */
  private static String allowed(HttpResponseException e) {
    String found = String.join(", ", e.getDetails().values()).toUpperCase(Locale.ROOT);
    if (found.isBlank()) return "GET, HEAD";
    return found.contains("GET") && !found.contains("HEAD") ? found + ", HEAD" : found;
  }

  private static String notFound(Context ctx) {
    return isApi(ctx)
        ? "no endpoint at " + ctx.path() + "; the API has " + Api.ENDPOINTS
        : "There is no page at " + ctx.path() + ".";
  }

  static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
  }

  private static void fail(Context ctx, Renderer pages, int status, String message) {
    ctx.status(status);
    if (isApi(ctx)) {
      Api.send(ctx, Api.error(message));
      return;
    }
    try {
      pages.error(ctx, status, message);
    } catch (RuntimeException e) {
      // the error page itself failed (Lectern closing under it): a line of text says as much
      log.error("the error page for {} {} failed", ctx.method(), ctx.path(), e);
      ctx.header("Cache-Control", "no-store");
      ctx.contentType("text/plain; charset=utf-8").result(message);
    }
  }

  /** Every route registered, as method and path ({@code GET /api/v1/papers/<id>}), in order. */
  List<String> routes() {
    return routes;
  }

  public int port() {
    return app.port();
  }

  /** Where the server answers, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /**
   * Stops accepting connections, lets requests in progress finish (up to {@link #STOP_TIMEOUT_MS}),
   * then stops.
   */
  @Override
  public void close() {
    app.stop();
  }
}
