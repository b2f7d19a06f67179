package dev.lectern.web;

import dev.lectern.app.Background;
import dev.lectern.app.HarvestStatus;
import dev.lectern.web.view.StatusView;
import dev.lectern.web.view.StatusView.Fact;
import dev.lectern.web.view.StatusView.Section;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /status}: the library, the index, the embeddings and the harvests, as {@code
 * /api/v1/status} gives them, in words.
 */
final class StatusPage {
  private final Background background;
  private final Renderer renderer;

  StatusPage(Background background, Renderer renderer) {
    this.background = background;
    this.renderer = renderer;
  }

  void register(RoutesConfig routes) {
    routes.get("/status", this::status);
  }

  private void status(Context ctx) {
    Params.parse(ctx.queryString(), Set.of());
    Background.Status s = background.status();
    HarvestStatus h = background.harvestStatus();
    renderer.render(
        ctx,
        "status.jte",
        new StatusView(
            renderer.page("Status", "", "status"),
            List.of(library(s), index(s), embeddings(s), harvests(h))));
  }

  private static Section library(Background.Status s) {
    return new Section("library", "Library", List.of(Fact.of("Papers", count(s.libraryPapers()))));
  }

  private static Section index(Background.Status s) {
    long behind = Math.max(0, s.libraryChangeSeq() - s.indexChangeSeq());
    List<Fact> facts = new ArrayList<>();
    facts.add(Fact.of("Papers", count(s.indexedPapers())));
    facts.add(Fact.of("With vectors", count(s.indexedWithVectors())));
    facts.add(
        Fact.of(
            "Library changes",
            behind == 0 ? "all applied" : count(behind) + " to apply (within seconds)"));
    if (s.lastFollowed() != null)
      facts.add(Fact.of("Last checked", TimeWords.ago(Instant.now(), s.lastFollowed())));
    if (s.followError() != null) facts.add(problem("Problem", s.followError()));
    return new Section("index", "Search index", facts);
  }

  private static Section embeddings(Background.Status s) {
    List<Fact> facts = new ArrayList<>();
    facts.add(Fact.of("Model", s.model()));
    facts.add(Fact.of("Done", count(s.embedded())));
    facts.add(
        Fact.of(
            "Pending",
            count(s.pending())
                + (s.unembeddable() > 0
                    ? " (" + count(s.unembeddable()) + " the model fails on, left out)"
                    : "")));
    String state = !s.queueRunning() ? "stopped" : s.embedding() ? "embedding" : "idle";
    facts.add(Fact.of("Queue", state));
    double rate = s.queueRun().docsPerSecond();
    if (rate > 0) facts.add(Fact.of("Rate", String.format("%.1f papers/s", rate)));
    Duration eta = s.eta();
    if (eta != null && s.embedding()) facts.add(Fact.of("Time left", TimeWords.span(eta)));
    return new Section("embeddings", "Embeddings", facts);
  }

  private static Section harvests(HarvestStatus h) {
    if (!h.enabled()) {
      return new Section(
          "harvests",
          "Harvests",
          List.of(
              Fact.of(
                  "Harvesting",
                  "off (lectern serve --no-harvest, or harvest.enabled = false); "
                      + "lectern harvest and lectern import bring papers in")));
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(Fact.of("What", h.scope() + " from arXiv, with Hugging Face's Daily Papers"));
    facts.add(Fact.of("Daily", h.schedule() == null ? "no daily harvest" : h.schedule()));
    HarvestStatus.Running r = h.running();
    if (r != null) {
      facts.add(
          Fact.of(
              "Now",
              "fetching "
                  + r.what()
                  + (r.step().isEmpty() ? "" : " (" + r.step() + ")")
                  + String.format(": %,d new papers so far, ", r.newPapers())
                  + "started "
                  + TimeWords.ago(h.now(), r.started())));
    }
    HarvestStatus.Run last = h.last();
    if (last != null) {
      facts.add(
          new Fact(
              "Last run",
              List.of(
                  (last.completed() ? "completed " : "failed ")
                      + TimeWords.moment(last.finished())
                      + " ("
                      + TimeWords.ago(h.now(), last.finished())
                      + String.format("): %,d new papers", last.newPapers())),
              !last.completed()));
      if (!last.results().isEmpty()) facts.add(new Fact("Sources", last.results(), false));
      if (!last.errors().isEmpty()) facts.add(new Fact("Last error", last.errors(), true));
    }
    facts.add(
        Fact.of(
            "Last completed",
            h.lastCompleted() == null ? "never" : TimeWords.moment(h.lastCompleted())));
    if (h.nextRun() != null && r == null) {
      facts.add(
          Fact.of(
              "Next run",
              TimeWords.moment(h.nextRun())
                  + " ("
                  + TimeWords.until(h.now(), h.nextRun())
                  + (h.failuresInARow() > 0
                      ? ", after " + h.failuresInARow() + " failed in a row"
                      : "")
                  + ")"));
    }
    return new Section("harvests", "Harvests", facts);
  }

  private static Fact problem(String label, String line) {
    return new Fact(label, List.of(line), true);
  }

  private static String count(long n) {
    return String.format("%,d", n);
  }
}
