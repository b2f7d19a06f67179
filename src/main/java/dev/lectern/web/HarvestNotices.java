package dev.lectern.web;

import dev.lectern.app.HarvestStatus;
import dev.lectern.web.view.HarvestNotice;
import java.util.function.Supplier;

/**
 * What the pages say about serve's harvest: every page, while the first harvest fills an empty
 * library; the home page, when the last harvest could not reach its servers.
 */
final class HarvestNotices {
  private final Supplier<HarvestStatus> harvest;

  HarvestNotices(Supplier<HarvestStatus> harvest) {
    this.harvest = harvest;
  }

  /** The notice for a page of this section, or null for none. */
  HarvestNotice forSection(String section) {
    HarvestStatus h = harvest.get();
    String fetching = h.firstHarvest() && h.running() != null ? fetching(h.running()) : null;
    String unreachable = "today".equals(section) ? h.unreachableSentence() : null;
    if (fetching == null && unreachable == null) return null;
    String retry =
        unreachable != null && h.nextRun() != null && h.running() == null
            ? "Lectern tries again " + TimeWords.until(h.now(), h.nextRun()) + "."
            : null;
    return new HarvestNotice(fetching, unreachable, retry);
  }

  private static String fetching(HarvestStatus.Running r) {
    long n = r.newPapers();
    return "Fetching "
        + r.what()
        + ": "
        + (n == 0
            ? "no papers yet."
            : String.format("%,d %s so far.", n, n == 1 ? "paper" : "papers"));
  }
}
