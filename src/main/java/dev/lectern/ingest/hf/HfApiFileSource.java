package dev.lectern.ingest.hf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lectern.ingest.ByteInput;
import dev.lectern.ingest.FileSource;
import dev.lectern.ingest.RecordSink;
import dev.lectern.ingest.TextInput;
import dev.lectern.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * A saved response of the Hugging Face Daily Papers API ({@code hf-api}), plain or gzip: a JSON
 * array of items as {@code /api/daily_papers?date=YYYY-MM-DD} returns it, several such arrays one
 * after another (one per day, say), or JSON lines with one item per line. Items are read one at a
 * time with Jackson's streaming parser, so a file of any size takes constant memory. An item that
 * cannot become a paper is rejected with its place ({@code file:item N}, or {@code file:line} for
 * JSON lines) and the rest go on.
 *
 * <p>{@link #parseResponse} reads one API response body the same way, for the live harvester.
 */
public final class HfApiFileSource extends FileSource {
  public static final String NAME = "hf-api";
  private static final String ITEM_CHECKPOINT = "item ";
  private static final String LINE_CHECKPOINT = "line ";

  /** Thread-safe once built and never reconfigured. */
  private static final ObjectMapper JSON = new ObjectMapper();

  public HfApiFileSource(Path file) {
    super(NAME, file);
  }

  @Override
  public void read(RecordSink sink, String resumeFrom) throws IOException {
    int first = firstNonBlankByte();
    if (first == '{') {
      readJsonLines(sink, resumePosition(resumeFrom, LINE_CHECKPOINT, sink));
    } else {
      readArrays(sink, resumePosition(resumeFrom, ITEM_CHECKPOINT, sink));
    }
  }

  /**
   * Reads one Daily Papers API response body into the sink, each paper recorded as from {@code
   * hf-api}. Items are located as {@code location#N}, e.g. {@code
   * https://huggingface.co/api/daily_papers?date=2024-03-13#7}.
   *
   * @return the number of items read, good or rejected: 0 for a day without papers ({@code []})
   * @throws IOException when the body is not a Daily Papers response at all (an HTML error page, an
   *     {@code {"error": ...}} object): nothing in it could be read
   */
  public static int parseResponse(String json, String location, RecordSink sink)
      throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      return new ItemReader(parser, location, n -> location + "#" + n, sink, 0, () -> -1).readAll();
    }
  }

  private void readArrays(RecordSink sink, long skip) throws IOException {
    try (ByteInput bytes = ByteInput.open(file);
        JsonParser parser = JSON.createParser(bytes.stream())) {
      new ItemReader(parser, input(), n -> file + ":item " + n, sink, skip, bytes::bytesRead)
          .readAll();
    }
  }

  /** One item per line: a broken line costs that item only, unlike a break inside an array. */
  private void readJsonLines(RecordSink sink, long skipLines) throws IOException {
    try (TextInput in = TextInput.open(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (in.lineNumber() <= skipLines || line.isBlank()) continue;
        JsonNode item;
        try {
          item = JSON.readTree(line);
        } catch (StreamReadException e) {
          sink.reject(in.location(), "not a JSON item on one line: " + e.getOriginalMessage());
          continue;
        }
        ItemReader.emit(item, in.location(), sink);
        sink.checkpoint(LINE_CHECKPOINT + in.lineNumber());
        sink.progress(in.bytesRead());
      }
    }
  }

  private int firstNonBlankByte() throws IOException {
    try (ByteInput bytes = ByteInput.open(file)) {
      InputStream in = bytes.stream();
      int b;
      do {
        b = in.read();
      } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB
          || b == 0xBF);
      return b; // the 0xEF 0xBB 0xBF skipped above is a UTF-8 byte order mark
    }
  }

  /** Walks the root values of a response: arrays of items, or items on their own. */
  private static final class ItemReader {
    private final JsonParser parser;
    private final String input;
    private final LongFunction<String> where;
    private final RecordSink sink;
    private final long skip;
    private final LongSupplier bytesRead;
    private int items;

    ItemReader(
        JsonParser parser,
        String input,
        LongFunction<String> where,
        RecordSink sink,
        long skip,
        LongSupplier bytesRead) {
      this.parser = parser;
      this.input = input;
      this.where = where;
      this.sink = sink;
      this.skip = skip;
      this.bytesRead = bytesRead;
    }

    int readAll() throws IOException {
      try {
        JsonToken t;
        while ((t = parser.nextToken()) != null) {
          if (t == JsonToken.START_ARRAY) {
            while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
              if (t == null) {
                brokenJson("", "the input ends inside a list of items");
                return items;
              }
              item();
            }
          } else if (t == JsonToken.START_OBJECT) {
            rootObject();
          } else {
            brokenJson(
                "", "expected a list of items, found " + HfPageLines.preview(parser.getText()));
            return items;
          }
        }
      } catch (StreamReadException e) {
        var at = e.getLocation();
        brokenJson(
            at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr(),
            e.getOriginalMessage());
      }
      return items;
    }

    /**
     * A root object is an item (JSON lines written without line breaks), unless the API reports an
     * error.
     */
    private void rootObject() throws IOException {
      JsonNode node = nextItem();
      if (node == null) return;
      JsonNode error = node.get("error");
      if (error != null && !node.has("paper") && !node.has("title")) {
        throw new IOException(input + ": the API answered with an error: " + error.asText());
      }
      finish(node);
    }

    private void item() throws IOException {
      JsonNode node = nextItem();
      if (node != null) finish(node);
    }

    /**
     * The item at the current token, or null when it comes before the resume point. The count moves
     * on only once the item is read, so a break inside an item is reported at that item.
     */
    private JsonNode nextItem() throws IOException {
      if (items < skip) {
        parser.skipChildren();
        items++;
        return null;
      }
      JsonNode node = parser.readValueAsTree();
      items++;
      return node == null ? NullNode.instance : node;
    }

    private void finish(JsonNode node) {
      emit(node, where.apply(items), sink);
      sink.checkpoint(ITEM_CHECKPOINT + items);
      long done = bytesRead.getAsLong();
      if (done >= 0) sink.progress(done);
    }

    static void emit(JsonNode item, String location, RecordSink sink) {
      try {
        Paper paper = HfDailyItem.toPaper(item, NAME);
        sink.accept(paper, location);
      } catch (HfDailyItem.Invalid e) {
        sink.reject(location, e.getMessage());
      }
    }

    /**
     * Broken syntax cannot be skipped inside an array: the items before it stay, the rest is
     * reported as one reject. Broken from the first byte means this is no API response at all.
     */
    private void brokenJson(String position, String message) throws IOException {
      if (items == 0) {
        throw new IOException(
            input
                + ": not a Daily Papers API response (expected JSON)"
                + position
                + ": "
                + message);
      }
      sink.reject(
          where.apply(items + 1),
          "broken JSON"
              + position
              + ": "
              + message
              + "; the items after this point are not read (was the download cut off?)");
    }
  }
}
