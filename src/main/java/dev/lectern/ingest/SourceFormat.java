package dev.lectern.ingest;

import dev.lectern.ingest.arxiv.SnapshotSource;
import dev.lectern.ingest.hf.HfApiFileSource;
import dev.lectern.ingest.hf.HfPageSource;
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

  public static SourceFormat parse(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known formats: "
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
