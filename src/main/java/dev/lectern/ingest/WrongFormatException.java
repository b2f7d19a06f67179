package dev.lectern.ingest;

/**
 * A file is not in the format it was imported as; nothing was imported from it, and the message
 * says why.
 */
public class WrongFormatException extends ImportException {
  public WrongFormatException(String message) {
    super(message);
  }
}
