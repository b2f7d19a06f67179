package dev.lectern.cli;

import dev.lectern.embed.EmbeddingQueue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "embed",
    description = {
      "Compute the missing embeddings, for search by meaning.",
      "Embeds title + abstract with bge-small-en-v1.5 (int8) until no paper is missing its vector. Vectors "
          + "are stored in the library, so this is done once per paper and model version; a stopped run "
          + "resumes where it stopped. Search by words works meanwhile."
    })
final class EmbedCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--chunk",
      defaultValue = "32",
      description = "Papers embedded and stored together (default ${DEFAULT-VALUE}).")
  int chunk;

  @Override
  public Integer call() {
    var lectern = main.lectern();
    PrintWriter out = main.spec().commandLine().getOut();
    PrintWriter err = main.spec().commandLine().getErr();
    var store = lectern.library().embeddings();
    // the index first: a running serve holds it and is embedding already, so a second embedder
    // would only
    // compute the same papers twice, and its vectors could not reach serve's index
    lectern.index();
    var embedder = lectern.embedder();
    long pending = store.pendingCount(embedder.modelId());
    out.println("papers to embed with " + embedder.modelId() + ": " + pending);
    if (pending == 0) return 0;
    EmbeddingQueue queue =
        new EmbeddingQueue(
            store,
            embedder,
            EmbeddingQueue.Options.defaults().withChunkSize(chunk),
            lectern.vectorListener(),
            new EmbedReport(err));
    EmbeddingQueue.Summary s;
    // Ctrl-C stores the chunk in flight, then stops (see StopSignals for why not a shutdown hook)
    try (StopSignals signals = StopSignals.onStop(() -> queue.stop(Duration.ofSeconds(30)))) {
      s = queue.runUntilDone();
    }
    out.printf(
        "%s %,d papers in %.1f s (%.1f papers/s), skipped %d%n",
        s.stopped() ? "stopped after embedding" : "embedded",
        s.embedded(),
        s.elapsed().toNanos() / 1e9,
        s.embedded() / Math.max(s.elapsed().toNanos() / 1e9, 1e-9),
        s.skipped());
    if (s.stopped()) {
      // counted from the start: a stop should not wait for the pending count's join over every
      // paper
      long left = Math.max(0, pending - s.embedded() - s.skipped());
      out.printf(
          "%,d papers are left to embed; run lectern embed again to continue (what is stored is kept)%n",
          left);
    }
    return s.stopped() ? 130 : 0; // as a shell reports a command stopped by Ctrl-C
  }
}
