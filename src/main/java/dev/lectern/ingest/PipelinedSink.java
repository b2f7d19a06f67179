package dev.lectern.ingest;

import dev.lectern.paper.Paper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a source's records to another sink on a second thread, in order, so that parsing and
 * writing to the library overlap (each takes about half of an import's time). Records travel in
 * chunks to keep the hand-off cheap; a failure on the writing side surfaces on the reading side at
 * the next hand-off.
 */
final class PipelinedSink implements RecordSink {
  private static final int CHUNK = 256;
  private static final List<Consumer<RecordSink>> END = List.of();

  private final RecordSink target;
  private final BlockingQueue<List<Consumer<RecordSink>>> queue = new ArrayBlockingQueue<>(64);
  private final Thread writer;
  private volatile Throwable failure;
  private List<Consumer<RecordSink>> chunk = new ArrayList<>(CHUNK);

  PipelinedSink(RecordSink target) {
    this.target = target;
    this.writer = Thread.ofPlatform().name("lectern-import-writer").daemon().start(this::drain);
  }

  @Override
  public void accept(Paper paper, String location) {
    add(s -> s.accept(paper, location));
  }

  @Override
  public void reject(String location, String reason) {
    add(s -> s.reject(location, reason));
  }

  @Override
  public void checkpoint(String position) {
    add(s -> s.checkpoint(position));
  }

  @Override
  public void progress(long done) {
    add(s -> s.progress(done));
  }

  @Override
  public void note(String message) {
    add(s -> s.note(message));
  }

  /**
   * Waits until everything handed over has reached the target; rethrows a failure of the writing
   * side.
   */
  void finish() {
    flush();
    hand(END);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("interrupted while finishing the import", e);
    }
    rethrowFailure();
  }

  private void add(Consumer<RecordSink> event) {
    chunk.add(event);
    if (chunk.size() >= CHUNK) flush();
  }

  private void flush() {
    if (chunk.isEmpty()) return;
    hand(chunk);
    chunk = new ArrayList<>(CHUNK);
  }

  private void hand(List<Consumer<RecordSink>> events) {
    try {
      while (!queue.offer(events, 100, TimeUnit.MILLISECONDS)) rethrowFailure();
      rethrowFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("interrupted while importing", e);
    }
  }

  private void drain() {
    try {
      for (List<Consumer<RecordSink>> events = queue.take(); events != END; events = queue.take()) {
        for (Consumer<RecordSink> e : events) e.accept(target);
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void rethrowFailure() {
    Throwable t = failure;
    if (t == null) return;
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    throw new ImportException("writing to the library failed: " + t.getMessage(), t);
  }
}
