package dev.lectern.web.view;

import java.util.List;

/**
 * The status page: sections of facts, each a label and one or more lines.
 *
 * @param sections library, index, embeddings, harvests
 */
public record StatusView(Page page, List<Section> sections) {
  public record Section(String id, String title, List<Fact> facts) {}

  /**
   * @param problem whether the fact is something gone wrong (shown as such)
   */
  public record Fact(String label, List<String> lines, boolean problem) {
    public static Fact of(String label, String line) {
      return new Fact(label, List.of(line), false);
    }
  }
}
