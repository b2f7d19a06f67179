package dev.lectern.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What a file holds, judged from its first 64 KiB (decompressed), so that a file given to the wrong
 * importer is named for what it is ("this looks like an arXiv snapshot") instead of being read
 * record by record as something it is not: every record rejected, or worse, junk papers stored.
 */
public enum FileContent {
  EMPTY("an empty file", null, "there is nothing to import (was the download cut short?)"),
  PDF(
      "a PDF document",
      null,
      "Lectern imports papers' metadata (arXiv snapshots, Daily Papers), not PDFs"),
  HTML(
      "an HTML page",
      null,
      "for a Daily Papers page, save the page's text (select all, copy, paste into a "
          + "file) and use lectern import hf-page, or fetch the papers with lectern harvest hf"),
  XML("an XML document", null, "arXiv's OAI-PMH responses are read by lectern harvest arxiv"),
  ZIP("a zip archive", null, "unpack it first (gzip files are read as they are)"),
  BINARY("binary data, not text", null, null),
  ARXIV_SNAPSHOT("an arXiv snapshot (JSON lines)", SourceFormat.ARXIV_SNAPSHOT, null),
  HF_API("a Daily Papers API response (JSON)", SourceFormat.HF_API, null),
  HF_PAGE("the saved text of a Daily Papers page", SourceFormat.HF_PAGE, null),
  /** JSON lines that are neither of Lectern's JSON formats, as far as the first lines show. */
  JSON_LINES("JSON lines of some other kind", null, null),
  /** JSON not written one record per line, and not a Daily Papers API response. */
  JSON("JSON, not one record per line", null, null),
  TEXT("plain text", null, null);

  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final int SAMPLE_LINES = 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> HF_KEYS =
      Set.of("paper", "summary", "publishedAt", "upvotes", "submittedBy");
  private static final Set<String> ARXIV_KEYS =
      Set.of("versions", "authors_parsed", "submitter", "update_date", "journal-ref", "report-no");

  private final String description;
  private final SourceFormat format;
  private final String hint;

  FileContent(String description, SourceFormat format, String hint) {
    this.description = description;
    this.format = format;
    this.hint = hint;
  }

  /** In words, for messages: "an arXiv snapshot (JSON lines)". */
  public String description() {
    return description;
  }

  /** The format that reads this content, or null when Lectern has none. */
  public SourceFormat format() {
    return format;
  }

  /** What to do with a file that holds this, given to {@code lectern import}, or null. */
  public String advice(Path file) {
    if (format != null) return "try lectern import " + format.cliName() + " " + file;
    return hint;
  }

  /** Whether a file of this content given to {@code wanted} is certainly the wrong file. */
  public boolean rulesOut(SourceFormat wanted) {
    return switch (this) {
      case EMPTY, PDF, HTML, XML, ZIP, BINARY -> true;
      case ARXIV_SNAPSHOT, HF_API, HF_PAGE -> format != wanted;
      // hf-api reads any JSON (bare paper objects too); its records will tell (see Importer)
      case JSON -> wanted != SourceFormat.HF_API;
      case JSON_LINES -> wanted == SourceFormat.HF_PAGE;
      // a snapshot's first lines may be garbled, a page's chrome may be missing: the first records
      // will tell
      case TEXT -> wanted == SourceFormat.HF_API;
    };
  }

  /** What {@code file} holds, from its start. */
  public static FileContent of(Path file) throws IOException {
    byte[] head;
    try (ByteInput in = ByteInput.open(file)) {
      head = in.stream().readNBytes(SAMPLE_BYTES);
    }
    return of(head);
  }

  static FileContent of(byte[] head) {
    int start = 0;
    if (head.length >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte order mark
    }
    while (start < head.length && Character.isWhitespace(head[start])) start++;
    if (start == head.length) return EMPTY;
    String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
    if (text.startsWith("%PDF-")) return PDF;
    if (text.startsWith("PK\u0003\u0004")) return ZIP;
    if (isBinary(head)) return BINARY;
    if (text.startsWith("<")) {
      String lower = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(Locale.ROOT);
      if (lower.startsWith("<?xml") && !lower.contains("<html")) return XML;
      return HTML;
    }
    if (text.startsWith("[")) return firstValue(text);
    FileContent lines = jsonLines(text);
    if (lines != null) return lines;
    if (text.startsWith("{")) return firstValue(text);
    return looksLikeDailyPapersPage(text) ? HF_PAGE : TEXT;
  }

  /**
   * Control characters other than whitespace, NUL above all: a binary file is full of them, text
   * has next to none (a snapshot may hold a line of binary noise, which must not make the whole
   * file binary).
   */
  private static boolean isBinary(byte[] head) {
    int odd = 0;
    for (byte b : head) {
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b)
        odd++;
    }
    return odd >= 4 && odd > head.length / 100;
  }

  /** The page chrome every saved Daily Papers page begins with (see ingest.hf.HfPageLines). */
  private static boolean looksLikeDailyPapersPage(String text) {
    String lower = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
    return lower.contains("daily papers")
        || lower.contains("get trending papers")
        || lower.contains("byak and the research community")
        || lower.contains("by ak and the research community");
  }

  /**
   * JSON lines when one of the first lines is a whole object (the lines before it may be broken
   * records), told apart by its fields; null when none is.
   */
  private static FileContent jsonLines(String text) {
    String[] lines = text.split("\r?\n", SAMPLE_LINES + 1);
    for (int i = 0; i < Math.min(lines.length, SAMPLE_LINES); i++) {
      String line = lines[i].strip();
      if (!line.startsWith("{") || !line.endsWith("}")) continue;
      try {
        JsonNode node = MAPPER.readTree(line);
        if (node != null && node.isObject()) {
          FileContent kind = byFields(node);
          return kind == JSON ? JSON_LINES : kind;
        }
      } catch (IOException e) {
        // a broken line: try the next
      }
    }
    return null;
  }

  /** JSON not one record per line: judged by its first value, or an array's first item. */
  private static FileContent firstValue(String text) {
    try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        JsonParser parser = MAPPER.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        JsonToken item = parser.nextToken();
        if (item == JsonToken.END_ARRAY) return HF_API; // a day without papers
        if (item != JsonToken.START_OBJECT) return JSON;
      }
      JsonNode node = parser.readValueAsTree();
      // a snapshot's records in an array or over many lines are not what the snapshot importer
      // reads
      return node != null && node.isObject() && byFields(node) == HF_API ? HF_API : JSON;
    } catch (IOException e) {
      return JSON; // cut off within the sample, or broken: JSON all the same
    }
  }

  private static FileContent byFields(JsonNode object) {
    for (String key : HF_KEYS) if (object.has(key)) return HF_API;
    if (object.has("id")) for (String key : ARXIV_KEYS) if (object.has(key)) return ARXIV_SNAPSHOT;
    return JSON;
  }
}
