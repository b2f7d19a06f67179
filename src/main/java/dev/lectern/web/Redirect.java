package dev.lectern.web;

/** Ends a request with a 303 to {@code location}, from wherever it is thrown (a before-handler). */
final class Redirect extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String location;

  Redirect(String location) {
    super("see " + location, null, false, false);
    this.location = location;
  }

  String location() {
    return location;
  }
}
