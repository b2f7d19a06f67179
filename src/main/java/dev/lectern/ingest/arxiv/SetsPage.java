package dev.lectern.ingest.arxiv;

import java.util.List;

/** One parsed ListSets response; see {@link OaiPage} for the token and error. */
public record SetsPage(List<OaiSet> sets, ResumptionToken resumptionToken, OaiError error) {
  public SetsPage {
    sets = List.copyOf(sets);
  }

  public String nextToken() {
    return resumptionToken == null || resumptionToken.isLast() ? null : resumptionToken.value();
  }
}
