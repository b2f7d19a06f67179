package dev.lectern.search;

/** A query Lectern cannot run; the message is meant for the user and says how to fix the query. */
public class QueryException extends RuntimeException {
  public QueryException(String message) {
    super(message);
  }
}
