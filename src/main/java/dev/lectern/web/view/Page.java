package dev.lectern.web.view;

/**
 * What every page's layout needs.
 *
 * @param title the document title (Lectern is appended)
 * @param css the fingerprinted stylesheet's path
 * @param query the query shown in the header's search box, empty for none
 * @param section the page the header marks as current: today, search or none
 * @param notice what the page says above its content about the harvest; null for nothing
 */
public record Page(String title, String css, String query, String section, HarvestNotice notice) {
  /** This page without the notice above it, for a page that says it in its own words. */
  public Page withoutNotice() {
    return new Page(title, css, query, section, null);
  }
}
