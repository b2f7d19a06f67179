package dev.lectern.web.view;

/**
 * What a page says about serve's harvest, in sentences; a field is null when there is nothing to
 * say about it.
 *
 * @param fetching the first harvest in progress: {@code Fetching the last 3 days of cs.LG and cs.CL
 *     from arXiv, with Hugging Face's Daily Papers: 1,234 papers so far.}
 * @param unreachable why the last harvest fetched nothing: {@code arXiv (oaipmh.arxiv.org) cannot
 *     be reached: host not found.}
 * @param retry when it is tried again: {@code Lectern tries again in 4 minutes.}
 */
public record HarvestNotice(String fetching, String unreachable, String retry) {}
