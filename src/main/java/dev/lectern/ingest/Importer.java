package dev.lectern.ingest;

import dev.lectern.paper.Paper;
import dev.lectern.store.ImportCounts;
import dev.lectern.store.PaperLibrary;
import dev.lectern.store.PaperWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a {@link PaperSource} into the library: batches of records commit together with the source's
 * latest checkpoint and the run's counts, so a kill at any moment loses at most one uncommitted
 * batch and the next run of the same input resumes after the last committed checkpoint. Because
 * writing a paper merges it with what is there, records replayed after a resume change nothing.
 */
public final class Importer {
  public static final int DEFAULT_BATCH_SIZE = 5_000;

  private final PaperLibrary library;
  private final int batchSize;
  private final ImportProgress progress;

  public Importer(PaperLibrary library, int batchSize, ImportProgress progress) {
    if (batchSize < 1)
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    this.library = library;
    this.batchSize = batchSize;
    this.progress = progress;
  }

  public Importer(PaperLibrary library) {
    this(library, DEFAULT_BATCH_SIZE, ImportProgress.QUIET);
  }

  public ImportSummary run(PaperSource source) {
    long started = System.nanoTime();
    long runId = library.runs().start(source.name(), source.runInput());
    String key = source.checkpointKey();
    String resumeFrom = key == null ? null : library.state().get(key).orElse(null);
    progress.started(source.name() + " " + source.input(), source.size(), source.sizeUnit());
    Batches batches = null;
    try (PaperWriter writer = library.writer(runId)) {
      batches = new Batches(writer, key);
      PipelinedSink pipeline = new PipelinedSink(batches);
      // a file read from its start must prove its format with a good record before anything is
      // stored
      SourceFormat format = SourceFormat.named(source.name());
      FirstRecordsCheck check =
          resumeFrom == null && format != null && source instanceof FileSource f
              ? new FirstRecordsCheck(pipeline, f.file, format)
              : null;
      try {
        source.read(check == null ? pipeline : check, resumeFrom);
        if (check != null) check.end();
      } catch (IOException e) {
        // The source failed (network, truncated file): what it delivered before is good, keep it
        // and its
        // checkpoint so the next run resumes right there.
        if (check != null) check.release();
        commitQuietly(pipeline, batches);
        throw e;
      } catch (WrongFormatException e) {
        pipeline.finish(); // nothing reached it; this ends its thread
        throw e;
      }
      pipeline.finish();
      batches.commit();
      if (key != null) library.state().remove(key);
      library.runs().supersedeRejects(runId, resumeFrom == null);
      return finish(runId, source, batches, started, ImportSummary.COMPLETED, batches.note);
    } catch (IOException | RuntimeException e) {
      throw failed(runId, source, batches, e);
    } finally {
      progress.finished();
    }
  }

  private ImportException failed(long runId, PaperSource source, Batches batches, Exception e) {
    ImportCounts counts = batches == null ? ImportCounts.ZERO : batches.committed;
    if (e instanceof WrongFormatException wrong) {
      library.runs().finish(runId, "failed", ImportCounts.ZERO, wrong.getMessage());
      return wrong;
    }
    // Running it again helps only where something was kept to resume after (not after an unknown
    // set, say),
    // and only for a remote source: a file that failed midway (cut short, damaged) fails there
    // again.
    String message =
        "stopped: "
            + e.getMessage()
            + (counts.read() == 0
                ? "; nothing was imported"
                : "; the "
                    + counts.read()
                    + " records read before are kept"
                    + (source instanceof FileSource
                        ? " (is the file cut short or damaged?)"
                        : source.checkpointKey() == null
                            ? ""
                            : ", and running the same command again resumes after them"));
    library.runs().finish(runId, "failed", counts, message);
    library.runs().supersedeRejects(runId, false);
    return new ImportException(source.input() + ": " + message, e);
  }

  private static void commitQuietly(PipelinedSink pipeline, Batches batches) {
    try {
      pipeline.finish();
      batches.commit();
    } catch (RuntimeException ignored) {
      // the original failure is the one to report
    }
  }

  private ImportSummary finish(
      long runId, PaperSource source, Batches b, long started, String status, String message) {
    library.runs().finish(runId, status, b.counts(), message);
    return new ImportSummary(
        runId,
        source.name(),
        source.input(),
        b.counts(),
        Duration.ofNanos(System.nanoTime() - started),
        status,
        message);
  }

  /** The sink that batches records into transactions. */
  private final class Batches implements RecordSink {
    private final PaperWriter writer;
    private final String checkpointKey;
    private long read, added, updated, unchanged, rejected;
    private int pending;
    private String checkpoint;
    private String note;
    private ImportCounts committed = ImportCounts.ZERO;

    Batches(PaperWriter writer, String checkpointKey) {
      this.writer = writer;
      this.checkpointKey = checkpointKey;
    }

    @Override
    public void accept(Paper paper, String location) {
      read++;
      switch (writer.write(paper)) {
        case NEW -> added++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
      if (++pending >= batchSize) commit();
    }

    @Override
    public void reject(String location, String reason) {
      read++;
      rejected++;
      writer.reject(location, reason);
      progress.rejected(location, reason);
      if (++pending >= batchSize) commit();
    }

    @Override
    public void checkpoint(String position) {
      checkpoint = position;
    }

    @Override
    public void progress(long done) {
      progress.advanced(done, counts());
    }

    @Override
    public void note(String message) {
      note = note == null ? message : note + "; " + message;
      progress.note(message);
    }

    void commit() {
      ImportCounts counts = counts();
      writer.commit(
          checkpointKey == null || checkpoint == null
              ? Map.of()
              : Map.of(checkpointKey, checkpoint),
          counts);
      committed = counts;
      pending = 0;
    }

    ImportCounts counts() {
      return new ImportCounts(read, added, updated, unchanged, rejected);
    }
  }
}
