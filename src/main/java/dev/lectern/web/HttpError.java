package dev.lectern.web;

/**
 * A request answered with an error status: the API as {@code {"error": message}}, pages as an error
 * page. The message tells the caller what to change, so it names the parameter and what is
 * accepted.
 */
final class HttpError extends RuntimeException {
  private final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  int status() {
    return status;
  }
}
