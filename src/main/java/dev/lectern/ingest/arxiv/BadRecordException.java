package dev.lectern.ingest.arxiv;

/** A record that cannot become a paper; the message says which field and why. */
final class BadRecordException extends Exception {
  BadRecordException(String message) {
    super(message);
  }
}
