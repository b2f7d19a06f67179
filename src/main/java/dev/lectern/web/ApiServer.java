package dev.lectern.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The HTTP server in front of the {@link Api}: the JDK's built-in server on a small, fixed thread pool. */
public final class ApiServer implements AutoCloseable {
  /**
   * Requests served at once; more wait in line. Searches are CPU-bound and short (milliseconds), so
   * threads beyond the cores only queue inside; a few more let a slow request not hold up quick ones.
   */
  static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;

  private ApiServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts serving the API at the address (port 0 picks a free port).
   *
   * @throws UncheckedIOException when the address cannot be bound (port in use, unknown host)
   */
  public static ApiServer start(InetSocketAddress address, Api api) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": "
          + e.getMessage(), e);
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS,
        Thread.ofPlatform().name("lectern-http-", 1).daemon().factory());
    server.setExecutor(threads);
    server.createContext("/", api);
    server.start();
    return new ApiServer(server, threads);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Where the server answers, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    String host = server.getAddress().getHostString();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** Stops accepting connections, lets requests in progress finish (up to a second), then stops. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
