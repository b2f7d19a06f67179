package dev.lectern.search.eval;

/** A query of a relevance set: its id (the key of its judgments) and the text a user would type. */
public record EvalQuery(String id, String text) {}
