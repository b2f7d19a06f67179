package dev.lectern.ingest.hf;

import dev.lectern.ingest.FileSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.TextInput;
import dev.lectern.paper.Paper;
import dev.lectern.paper.PaperIds;
import dev.lectern.paper.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The saved text of a Hugging Face Daily Papers page ({@code hf-page}), plain or gzip: some page
 * chrome ("Subscribe", "Daily Papers", a date), then each paper as a title line followed by its
 * abstract line, with or without blank lines between. Lines are told apart by their shape (see
 * {@link HfPageLines}), not by position alone, so a missing abstract costs one paper, not the
 * pairing of every paper after it.
 *
 * <p>The page names no ids, authors or dates: papers get title ids ({@link PaperIds#fromTitle}) and
 * the library joins them to the same paper from other sources by normalized title.
 */
public final class HfPageSource extends FileSource {
  public static final String NAME = "hf-page";
  private static final String CHECKPOINT_PREFIX = "line ";

  public HfPageSource(Path file) {
    super(NAME, file);
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    long skipTo = resumePosition(resumeFrom, CHECKPOINT_PREFIX, sink);
    try (TextInput in = TextInput.open(file)) {
      Pairing pairing = new Pairing(sink, skipTo > 0);
      String raw;
      while ((raw = in.readLine()) != null) {
        if (in.lineNumber() <= skipTo) continue;
        pairing.line(Text.clean(raw), in.location(), in.lineNumber());
        sink.progress(in.bytesRead());
      }
      pairing.end();
    }
  }

  /**
   * Pairs each title with the abstract after it; one per read, it holds the title waiting for its
   * abstract.
   */
  private static final class Pairing {
    private final RecordSink sink;

    /**
     * True at the start and after page chrome, the only places chrome may be glued onto a title.
     */
    private boolean afterHeader;

    private String title;
    private String titleLocation;

    Pairing(RecordSink sink, boolean resumed) {
      this.sink = sink;
      this.afterHeader = !resumed;
    }

    void line(String line, String location, long lineNumber) {
      if (line.isEmpty()) return;
      String unglued = afterHeader ? HfPageLines.stripGluedHeader(line) : line;
      HfPageLines.Kind kind =
          unglued.equals(line) ? HfPageLines.kind(line) : HfPageLines.Kind.TITLE;
      switch (kind) {
        case HEADER -> {
          orphanTitle("page text (" + line + ") follows it");
          afterHeader = true;
        }
        case TITLE -> {
          orphanTitle("the next line is another title (" + HfPageLines.preview(unglued) + ")");
          title = unglued;
          titleLocation = location;
          afterHeader = false;
        }
        case ABSTRACT -> {
          afterHeader = false;
          if (title == null) {
            sink.reject(
                location,
                "abstract without a title line before it ("
                    + HfPageLines.preview(line)
                    + "); the page text may be cut or garbled here");
            return;
          }
          if (Text.titleKey(title).isEmpty()) {
            sink.reject(
                titleLocation,
                "title '" + title + "' has no letters or digits to identify the paper by");
          } else {
            sink.accept(paper(title, line), titleLocation);
          }
          title = null;
          sink.checkpoint(CHECKPOINT_PREFIX + lineNumber);
        }
      }
    }

    void end() {
      orphanTitle("the page ends before its abstract (is the saved page cut off?)");
    }

    private void orphanTitle(String why) {
      if (title == null) return;
      sink.reject(titleLocation, "title '" + title + "' has no abstract: " + why);
      title = null;
    }

    private static Paper paper(String title, String abstractText) {
      return Paper.of(PaperIds.fromTitle(title), title, abstractText, List.of(), NAME);
    }
  }
}
