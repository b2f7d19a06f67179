package dev.lectern.cli;

import dev.lectern.app.ConfigException;
import dev.lectern.store.ImportRuns;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "runs",
    description = {
      "The import and harvest history, and what each run rejected.",
      "A record rejected by several runs of the same input is listed under the latest."
    })
final class RunsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--limit",
      description = "How many runs to show (default 20), or rejects (default: all).")
  Integer limit;

  @Option(
      names = "--rejects",
      paramLabel = "RUN",
      description = "List the records run RUN rejected, with where and why.")
  Long rejectsOf;

  @Override
  public Integer call() {
    var out = main.spec().commandLine().getOut();
    ImportRuns runs = main.lectern().library().runs();
    if (rejectsOf != null) {
      ImportRuns.Run run =
          runs.find(rejectsOf)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "there is no run "
                              + rejectsOf
                              + ": lectern runs lists them with their numbers"));
      var rejects = runs.rejects(rejectsOf, limit != null ? limit : Integer.MAX_VALUE);
      if (rejects.isEmpty()) {
        var later =
            run.counts().rejected() == 0
                ? Optional.<ImportRuns.Run>empty()
                : runs.laterRunOfTheSameInput(run);
        out.println(
            later
                .map(
                    l ->
                        "the records run "
                            + rejectsOf
                            + " rejected are listed under run "
                            + l.id()
                            + ", which read the same input again: lectern runs --rejects "
                            + l.id())
                .orElse("run " + rejectsOf + " rejected no records"));
      }
      rejects.forEach(r -> out.println(r.location() + ": " + r.reason()));
      return 0;
    }
    for (ImportRuns.Run r : runs.recent(limit != null ? limit : 20)) {
      out.printf(
          "#%d %s %s %s  %s  [%s]%s%n",
          r.id(),
          r.status(),
          r.source(),
          r.input(),
          r.counts(),
          r.startedAt(),
          r.message() == null || r.message().startsWith("pid ") ? "" : "  " + r.message());
    }
    return 0;
  }
}
