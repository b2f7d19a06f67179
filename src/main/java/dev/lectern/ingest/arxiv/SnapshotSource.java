package dev.lectern.ingest.arxiv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.ingest.FileSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.TextInput;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The arXiv metadata snapshot (Kaggle's {@code arxiv-metadata-oai-snapshot.json}): one JSON object
 * per line. Streams the file in constant memory, plain or gzip, and resumes at the line after the
 * last committed checkpoint when an earlier import of the same unchanged file was interrupted.
 */
public final class SnapshotSource extends FileSource {
  public static final String NAME = "arxiv-snapshot";

  /**
   * Lines between checkpoints and progress updates: cheap enough, and a resume replays at most this
   * many.
   */
  private static final int CHECKPOINT_EVERY = 500;

  private static final String LINE = "line ";

  private final ObjectMapper json = new ObjectMapper();
  private final SnapshotRecordParser parser = new SnapshotRecordParser();

  public SnapshotSource(Path file) {
    super(NAME, file);
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    long skipTo = resumePosition(resumeFrom, LINE, sink);
    try (TextInput in = TextInput.open(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        long n = in.lineNumber();
        if (n > skipTo && !line.isBlank()) readLine(line, in.location(), sink);
        if (n % CHECKPOINT_EVERY == 0) {
          sink.checkpoint(LINE + n);
          sink.progress(in.bytesRead());
        }
      }
      sink.progress(in.bytesRead());
    }
  }

  private void readLine(String line, String location, RecordSink sink) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      sink.reject(
          location,
          "malformed JSON: "
              + e.getOriginalMessage()
              + (line.length() < 40
                  ? " (line is " + line.length() + " characters; truncated?)"
                  : ""));
      return;
    }
    try {
      Paper paper = parser.parse(node);
      sink.accept(paper, location);
    } catch (BadRecordException e) {
      sink.reject(location, e.getMessage());
    }
  }
}
