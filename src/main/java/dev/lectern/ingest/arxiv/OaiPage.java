package dev.lectern.ingest.arxiv;

import dev.lectern.paper.Paper;
import java.time.LocalDate;
import java.util.List;

/**
 * One parsed ListRecords response.
 *
 * @param entries the page's records in order, each accepted or rejected; deleted records are left
 *     out
 * @param deleted how many records the page marked deleted
 * @param resumptionToken the handle of the next page, null when the page had none (then it is the
 *     last)
 * @param error the OAI-PMH error the server answered instead of records, or null
 * @param latestDatestamp the most recent header datestamp on the page, null when it had no records
 */
public record OaiPage(
    List<Entry> entries,
    int deleted,
    ResumptionToken resumptionToken,
    OaiError error,
    LocalDate latestDatestamp) {
  public OaiPage {
    entries = List.copyOf(entries);
  }

  /** The next page's token, or null when this is the last page. */
  public String nextToken() {
    return resumptionToken == null || resumptionToken.isLast() ? null : resumptionToken.value();
  }

  /** A record of the page: a paper to import or a rejection with its reason. */
  public sealed interface Entry {
    String location();

    record Accepted(Paper paper, String location) implements Entry {}

    record Rejected(String location, String reason) implements Entry {}
  }
}
