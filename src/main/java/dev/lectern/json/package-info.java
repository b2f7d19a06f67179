/**
 * The JSON shapes of Lectern's things (a paper, a search, similar papers, a day's feed, an author's
 * or a category's papers, the status), as records that Jackson writes as they are: the web API and
 * the command line's {@code --json} print the same shape for the same thing. Dates are ISO strings,
 * durations milliseconds or seconds, absent values null.
 */
package dev.lectern.json;
