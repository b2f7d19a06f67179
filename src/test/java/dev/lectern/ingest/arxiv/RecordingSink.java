package dev.lectern.ingest.arxiv;

import dev.lectern.ingest.RecordSink;
import dev.lectern.paper.Paper;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a source hands over, in order. */
final class RecordingSink implements RecordSink {
  record Rejection(String location, String reason) {}

  final List<Paper> papers = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<String> checkpoints = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  @Override
  public void accept(Paper paper, String location) {
    papers.add(paper);
  }

  @Override
  public void reject(String location, String reason) {
    rejections.add(new Rejection(location, reason));
  }

  @Override
  public void checkpoint(String position) {
    checkpoints.add(position);
  }

  @Override
  public void note(String message) {
    notes.add(message);
  }

  List<String> ids() {
    return papers.stream().map(Paper::id).toList();
  }

  String lastCheckpoint() {
    return checkpoints.getLast();
  }
}
