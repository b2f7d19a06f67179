package dev.lectern.ingest.arxiv;

/**
 * A set an OAI-PMH repository offers for selective harvesting, e.g. {@code cs} "Computer Science".
 */
public record OaiSet(String spec, String name) {
  @Override
  public String toString() {
    return name == null || name.isEmpty() ? spec : spec + " (" + name + ")";
  }
}
