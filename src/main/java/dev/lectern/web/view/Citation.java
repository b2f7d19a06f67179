package dev.lectern.web.view;

/**
 * A paper's BibTeX entry, to copy from the page or download.
 *
 * @param lines the entry's lines, to size the box that shows it
 * @param href and {@code fileName}: the entry as a file
 */
public record Citation(String bibtex, int lines, String href, String fileName) {}
