package dev.lectern.cli;

import dev.lectern.embed.EmbeddingQueue;
import dev.lectern.embed.EmbeddingQueue.Status;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "embed", description = {
    "Compute the missing embeddings (title + abstract, bge-small-en-v1.5 int8) until none is missing.",
    "Vectors are stored in the library, so this is done once per paper and model version; an interrupted",
    "run resumes where it stopped. Search by words works meanwhile."})
final class EmbedCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--chunk", defaultValue = "32", description = "Papers embedded and stored together (default ${DEFAULT-VALUE}).")
  int chunk;

  @Override
  public Integer call() {
    var lectern = main.lectern();
    PrintWriter out = main.spec().commandLine().getOut();
    PrintWriter err = main.spec().commandLine().getErr();
    var store = lectern.library().embeddings();
    var embedder = lectern.embedder();
    long pending = store.pendingCount(embedder.modelId());
    out.println("papers to embed with " + embedder.modelId() + ": " + pending);
    if (pending == 0) return 0;
    EmbeddingQueue queue = new EmbeddingQueue(store, embedder,
        EmbeddingQueue.Options.defaults().withChunkSize(chunk), lectern.vectorListener(), new Report(err));
    Thread hook = new Thread(() -> queue.stop(Duration.ofSeconds(30)), "lectern-embed-stop");
    Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C stores the chunk in flight, then stops
    EmbeddingQueue.Summary s = queue.runUntilDone();
    Runtime.getRuntime().removeShutdownHook(hook);
    out.printf("embedded %d papers in %.1f s (%.1f papers/s), skipped %d%n", s.embedded(),
        s.elapsed().toNanos() / 1e9, s.embedded() / Math.max(s.elapsed().toNanos() / 1e9, 1e-9), s.skipped());
    return 0;
  }

  /** One line per ~10 seconds: done/total, rate, time left. */
  private record Report(PrintWriter err, long[] lastPrint) implements EmbeddingQueue.Progress {
    Report(PrintWriter err) {
      this(err, new long[] {0});
    }

    @Override
    public void chunkStored(Status s) {
      long now = System.nanoTime();
      if (now - lastPrint[0] < 10_000_000_000L && s.remaining() > 0) return;
      lastPrint[0] = now;
      err.printf("embedded %,d/%,d (%.1f papers/s, %s left)%n", s.done(), s.total(), s.docsPerSecond(),
          s.eta() == null ? "?" : s.eta().withNanos(0).toString().substring(2).toLowerCase());
      err.flush();
    }

    @Override
    public void skipped(String paperId, String title, String reason) {
      err.println("skipping " + paperId + " (" + title + "): " + reason);
    }

    @Override
    public void failed(String message, Throwable cause, Duration retryIn) {
      err.println(message + (retryIn == null ? "" : "; retrying in " + retryIn.toSeconds() + " s"));
    }
  }
}
