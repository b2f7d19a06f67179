package dev.lectern.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "stats",
    description = "What the library holds: papers, sources, embeddings, imports.")
final class StatsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    var out = main.spec().commandLine().getOut();
    var library = main.lectern().library();
    out.println("library: " + library.database().url());
    library.stats().forEach((k, v) -> out.println(k + ": " + (v == null ? "-" : v)));
    library.countsBySource().forEach((source, n) -> out.println("from " + source + ": " + n));
    return 0;
  }
}
