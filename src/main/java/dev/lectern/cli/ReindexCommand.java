package dev.lectern.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "reindex",
    description = {
      "Rebuild the search index from the library alone.",
      "Stored vectors are included: nothing is embedded again. The old index serves until the new one is "
          + "complete."
    })
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--no-progress", description = "No progress bar even on a terminal.")
  boolean noProgress;

  @Override
  public Integer call() {
    var cli = main.spec().commandLine();
    var bar =
        new IndexBar(
            new TerminalProgress(cli.getErr(), !noProgress && TerminalProgress.isTerminal()),
            "reindex");
    long start = System.nanoTime();
    var report = main.lectern().rebuildIndex(bar);
    bar.finished();
    // the merge is most of a rebuild's time: worth seeing apart from the writing
    cli.getOut()
        .printf(
            "indexed %,d papers in %.1f s, %.1f s of it merging into one segment (index: %,d documents)%n",
            report.indexed(),
            (System.nanoTime() - start) / 1e9,
            report.compaction().toMillis() / 1e3,
            main.lectern().index().size());
    return 0;
  }
}
