package dev.lectern.ingest.arxiv;

/**
 * An OAI-PMH {@code <resumptionToken>}: the handle of the next page of a list. An empty token marks
 * the last page. {@code cursor} and {@code completeListSize} are optional (null when the server
 * leaves them out).
 */
public record ResumptionToken(String value, Long cursor, Long completeListSize) {
  public ResumptionToken {
    value = value == null ? "" : value.strip();
  }

  /** True when there is no further page. */
  public boolean isLast() {
    return value.isEmpty();
  }
}
