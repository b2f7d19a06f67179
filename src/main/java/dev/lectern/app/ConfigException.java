package dev.lectern.app;

/** A setting is missing or malformed; the message names it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
