package dev.lectern.cli;

import dev.lectern.app.Settings;
import dev.lectern.ingest.ImportSummary;
import dev.lectern.ingest.Importer;
import dev.lectern.ingest.PaperSource;
import dev.lectern.ingest.SourceFormat;
import dev.lectern.store.ImportCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    description = {
      "Import papers from files, plain or .gz.",
      "Formats:",
      "  arxiv-snapshot  arXiv metadata snapshot, JSON lines",
      "  hf-page         saved text of a Hugging Face Daily Papers page",
      "  hf-api          saved JSON of the Daily Papers API (/api/daily_papers)",
      "Bad records are reported with file and line and skipped; a file in another format is refused. An "
          + "interrupted import resumes when run again."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(
      index = "0",
      description = "Format: ${COMPLETION-CANDIDATES}.",
      completionCandidates = SourceFormat.Names.class)
  String format;

  @Parameters(index = "1..*", arity = "1..*", description = "Files to import.")
  List<Path> files;

  @Option(
      names = "--batch-size",
      description = "Records per transaction (default from settings: 5000).")
  Integer batchSize;

  @Option(names = "--no-progress", description = "No progress bar even on a terminal.")
  boolean noProgress;

  @Option(
      names = "--no-index",
      description = "Leave the search index to catch up later (next search, serve or reindex).")
  boolean noIndex;

  @Override
  public Integer call() {
    SourceFormat fmt = SourceFormat.parse(format);
    for (Path f : files) {
      if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
        throw new IllegalArgumentException(
            "cannot read "
                + f
                + ": "
                + (!Files.exists(f)
                    ? "no such file"
                    : Files.isDirectory(f)
                        ? "it is a directory, not a file"
                        : "permission denied"));
      }
      fmt.requireFits(
          f); // every file before any is imported: a wrong one stops the command with nothing
      // stored
    }
    var lectern = main.lectern();
    int batch =
        batchSize != null ? batchSize : lectern.settings().getInt(Settings.IMPORT_BATCH_SIZE);
    var out = main.spec().commandLine().getOut();
    var progress =
        new TerminalProgress(
            main.spec().commandLine().getErr(), !noProgress && TerminalProgress.isTerminal());
    Importer importer = new Importer(lectern.library(), batch, progress);
    ImportCounts total = ImportCounts.ZERO;
    for (Path f : files) {
      PaperSource source = fmt.open(f);
      ImportSummary s = importer.run(source);
      out.println(s);
      total = total.plus(s.counts());
    }
    if (files.size() > 1) out.println("total: " + total);
    out.println("papers: " + lectern.library().count());
    if (!noIndex) IndexSync.run(lectern, out, progress);
    return 0;
  }
}
