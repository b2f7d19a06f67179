package dev.lectern.web.view;

import java.util.List;

/**
 * What "For you" learns from: each interest and its papers, and the papers the user took out, each
 * with a button that takes it out or puts it back.
 */
public record TrainingView(Page page, List<Interest> interests, List<Paper> leftOut) {
  /** Everything saved, or one collection, and the papers it learns from. */
  public record Interest(String name, List<Paper> papers) {}

  /** A paper, linked by its title. */
  public record Paper(String id, String href, String title) {}
}
