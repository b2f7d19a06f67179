package dev.lectern.ingest;

import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.ingest.hf.HfApiFileSource;
import dev.lectern.ingest.hf.HfPageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;

/** The file formats {@code lectern import} reads, by the name the user types. */
public enum SourceFormat {
  ARXIV_SNAPSHOT("arxiv-snapshot", SnapshotSource::new),
  HF_PAGE("hf-page", HfPageSource::new),
  HF_API("hf-api", HfApiFileSource::new);

  private final String cliName;

  @SuppressWarnings("ImmutableEnumChecker") // constructor references, which hold no state
  private final Function<Path, PaperSource> opener;

  SourceFormat(String cliName, Function<Path, PaperSource> opener) {
    this.cliName = cliName;
    this.opener = opener;
  }

  public String cliName() {
    return cliName;
  }

  public PaperSource open(Path file) {
    return opener.apply(file);
  }

  /** What a file of this format holds, in words: "an arXiv snapshot (JSON lines)". */
  public String contentDescription() {
    return Arrays.stream(FileContent.values())
        .filter(c -> c.format() == this)
        .findFirst()
        .orElseThrow()
        .description();
  }

  /**
   * Fails, saying what the file looks like and what to do with it, when its start shows that it is
   * certainly not in this format (see {@link FileContent#rulesOut}). A file that cannot be read is
   * left to the import, which says why in context.
   */
  public void requireFits(Path file) {
    FileContent content;
    try {
      content = FileContent.of(file);
    } catch (IOException e) {
      return;
    }
    if (!content.rulesOut(this)) return;
    if (content == FileContent.EMPTY) {
      throw new WrongFormatException(
          file + " is empty: there is nothing to import (was the download cut short?)");
    }
    String advice = content.advice(file);
    throw new WrongFormatException(
        file
            + ": this looks like "
            + content.description()
            + ", not "
            + contentDescription()
            + (advice == null ? "" : "; " + advice));
  }

  /** The format of this name, or null. */
  static SourceFormat named(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst().orElse(null);
  }

  public static SourceFormat parse(String name) {
    return Arrays.stream(values())
        .filter(f -> f.cliName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '"
                        + name
                        + "'; known formats: "
                        + String.join(", ", new Names())));
  }

  /** The format names, for help and completion. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(SourceFormat::cliName).iterator();
    }
  }
}
