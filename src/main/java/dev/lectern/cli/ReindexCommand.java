package dev.lectern.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "reindex", description = {"Rebuild the search index from the library alone.",
    "Stored vectors are included: nothing is embedded again. The old index serves until the new one is "
        + "complete."})
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    var index = main.lectern().index();
    long start = System.nanoTime();
    var report = index.rebuild();
    main.spec().commandLine().getOut().printf("indexed %,d papers in %.1f s (index: %,d documents)%n",
        report.indexed(), (System.nanoTime() - start) / 1e9, index.size());
    return 0;
  }
}
