package dev.lectern.ingest.arxiv;

/**
 * An OAI-PMH {@code <error code="...">} element, e.g. {@code noRecordsMatch} or {@code
 * badResumptionToken}.
 */
public record OaiError(String code, String message) {
  public static final String NO_RECORDS_MATCH = "noRecordsMatch";
  public static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";
  public static final String NO_SET_HIERARCHY = "noSetHierarchy";

  public boolean is(String errorCode) {
    return code.equals(errorCode);
  }

  @Override
  public String toString() {
    return code + (message == null || message.isEmpty() ? "" : " (" + message + ")");
  }
}
