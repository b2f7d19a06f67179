package dev.lectern.web.view;

/**
 * What every page's layout needs.
 *
 * @param title the document title (Lectern is appended)
 * @param css the fingerprinted stylesheet's path
 * @param mathScript the fingerprinted path of the script that renders the page's math
 * @param katex KaTeX's fingerprinted path, which that script loads when the page has math
 * @param query the query shown in the header's search box, empty for none
 * @param section the page the header marks as current: today, search or none
 * @param notice what the page says above its content about the harvest; null for nothing
 * @param exports the exports and Atom feed of the list the page shows, null for none
 */
public record Page(
    String title,
    String css,
    String mathScript,
    String katex,
    String query,
    String section,
    HarvestNotice notice,
    ListExports exports) {

  public Page withExports(ListExports e) {
    return new Page(title, css, mathScript, katex, query, section, notice, e);
  }

  /** This page without the notice above it, for a page that says it in its own words. */
  public Page withoutNotice() {
    return new Page(title, css, mathScript, katex, query, section, null, exports);
  }
}
