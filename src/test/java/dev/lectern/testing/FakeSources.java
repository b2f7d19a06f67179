package dev.lectern.testing;

import dev.lectern.app.Settings;
import dev.lectern.ingest.arxiv.FakeArxiv;
import dev.lectern.ingest.hf.FakeHuggingFace;
import dev.lectern.ingest.http.LocalHttpServer;
import dev.lectern.ingest.http.LocalHttpServer.Request;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * arXiv's OAI-PMH endpoint ({@code /oai}, the recorded pages of {@link FakeArxiv}) and Hugging
 * Face's Daily Papers API (the recorded day of {@link FakeHuggingFace}, on every day) on one local
 * server, for what harvests both. It can hold its answers back until a test lets them go.
 */
public final class FakeSources implements AutoCloseable {
  private final LocalHttpServer server;
  private final CountDownLatch held;

  private FakeSources(int port, boolean hold) throws IOException {
    this.held = new CountDownLatch(hold ? 1 : 0);
    LocalHttpServer.Handler hf = FakeHuggingFace.handler(day -> true);
    this.server =
        LocalHttpServer.start(
            port,
            (req, s) -> {
              await();
              return req.path().startsWith("/oai") ? FakeArxiv.reply(req) : hf.handle(req, s);
            });
  }

  public static FakeSources start() throws IOException {
    return new FakeSources(0, false);
  }

  /** Sources that answer nothing until {@link #release}. */
  public static FakeSources held() throws IOException {
    return new FakeSources(0, true);
  }

  /** Sources on this port (one that refused connections before). */
  public static FakeSources onPort(int port) throws IOException {
    return new FakeSources(port, false);
  }

  public void release() {
    held.countDown();
  }

  private void await() {
    try {
      if (!held.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public URI arxivBase() {
    return server.uri("/oai");
  }

  public URI hfBase() {
    return server.uri("");
  }

  public List<Request> requests() {
    return server.requests();
  }

  /**
   * Settings that harvest these sources without pauses, for the categories that the fixtures hold.
   */
  public Map<String, String> settings() {
    return settings(arxivBase(), hfBase());
  }

  /** Settings that harvest from these addresses, quickly: one attempt, no pauses. */
  public static Map<String, String> settings(URI arxiv, URI hf) {
    return Map.of(
        Settings.ARXIV_OAI_URL, arxiv.toString(),
        Settings.HF_BASE_URL, hf.toString(),
        Settings.ARXIV_OAI_DELAY, "0s",
        Settings.HF_DELAY, "0s",
        Settings.HTTP_RETRIES, "1",
        // the fixtures' papers are in math.CO (3 of them), one of which is also in cs.CG
        Settings.HARVEST_CATEGORIES, "math.CO, cs.CG");
  }

  /** A port that refuses connections (free a moment ago). */
  public static int closedPort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    release();
    server.close();
  }
}
