package dev.lectern.recommend;

import dev.lectern.embed.OnnxBgeEmbedder;
import dev.lectern.store.PaperLibrary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's "For you" list: the recent papers their models rank best, each with the saved papers
 * that placed it. The models are retrained on change: a user's are kept while what they were
 * trained on, the saved, collected and dismissed papers and the pool the negatives are drawn from,
 * is the same, since training is most of a list's time with many saved papers
 * (docs/recommendations.md). Papers merely shown train nothing, so viewing the list keeps them.
 */
public final class ForYou {
  /** Users whose models are kept (the most recently served). */
  static final int KEPT_USERS = 64;

  /**
   * @param windowDays how many days of papers, up to the newest day, are candidates
   * @param maxCandidates the newest that many papers of the window at most
   */
  public record Settings(int windowDays, int maxCandidates) {
    public Settings {
      if (windowDays < 1) throw new IllegalArgumentException("the window is a day or more");
      if (maxCandidates < 1) throw new IllegalArgumentException("candidates must be 1 or more");
    }

    public static Settings defaults() {
      return new Settings(7, 5_000);
    }
  }

  /** Why a list is empty, or that it is not. */
  public enum Status {
    READY,
    /** Nothing saved yet: nothing to learn from. */
    NOTHING_SAVED,
    /** Saved papers, none of them embedded yet: the list comes once they are. */
    NOT_EMBEDDED,
    /** No papers in the window, or none embedded. */
    NO_CANDIDATES
  }

  /**
   * @param from the first and last day of the window; null for an empty library
   * @param interests what the models learned from: each interest's name and papers
   */
  public record Result(
      Status status,
      List<Recommendation> recommendations,
      LocalDate from,
      LocalDate to,
      List<UserModel.Interest> interests) {
    public Result {
      recommendations = List.copyOf(recommendations);
      interests = List.copyOf(interests);
    }

    static Result empty(Status status, LocalDate from, LocalDate to) {
      return new Result(status, List.of(), from, to, List.of());
    }
  }

  private final PaperLibrary library;
  private final SignalSource signals;
  private final Settings settings;
  private final Recommender.Options options;
  private final Map<Long, Trained> trained =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Trained> eldest) {
              return size() > KEPT_USERS;
            }
          });
  private final AtomicInteger trainings = new AtomicInteger();

  /**
   * What a user's interests were trained on, and the interests (weights, not the vectors: a pool of
   * 5,000 candidates' vectors is 7 MB, its ids a few hundred KB).
   */
  private record Trained(UserSignals signals, List<String> pool, List<UserModel.Interest> models) {}

  public ForYou(
      PaperLibrary library, SignalSource signals, Settings settings, Recommender.Options options) {
    this.library = library;
    this.signals = signals;
    this.settings = settings;
    this.options = options;
  }

  /** The user's best {@code limit} recent papers, best first. */
  public Result recommend(long userId, int limit) {
    Optional<LocalDate> latest = library.days().latest();
    LocalDate to = latest.orElse(null);
    LocalDate from = to == null ? null : to.minusDays(settings.windowDays() - 1L);
    return recommend(userId, from, to, limit);
  }

  /**
   * The user's best {@code limit} papers of the days {@code from} to {@code to} (both null for an
   * empty library), best first: a digest's window.
   */
  public Result recommend(long userId, LocalDate from, LocalDate to, int limit) {
    return recommend(userId, from, to, null, limit);
  }

  /**
   * The same among {@code only} (null: all), a digest's papers that arrived since the one before:
   * the models still learn from the window's papers, and rank just these.
   */
  public Result recommend(
      long userId, LocalDate from, LocalDate to, Collection<String> only, int limit) {
    UserSignals s = signals.signals(userId);
    if (s.allSaved().isEmpty()) return Result.empty(Status.NOTHING_SAVED, from, to);
    if (to == null || from.isAfter(to)) return Result.empty(Status.NO_CANDIDATES, from, to);
    int days = (int) Math.min(3660, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
    Candidates window = Candidates.recent(library, to, days, settings.maxCandidates());
    Candidates candidates = only == null ? window : new Candidates(only.stream().sorted().toList());
    // the window's papers double as the negatives' pool: recent papers the user did not save
    Set<String> ids = new LinkedHashSet<>(window.ids());
    ids.addAll(candidates.ids());
    ids.addAll(s.allSaved());
    ids.addAll(s.dismissed());
    PaperVectors vectors =
        PaperVectors.load(library.embeddings(), OnnxBgeEmbedder.MODEL_ID, List.copyOf(ids));
    UserModel model = model(userId, s, vectors);
    if (model.interests().isEmpty()) return Result.empty(Status.NOT_EMBEDDED, from, to);
    List<Recommendation> top = model.recommend(candidates, s.excluded(), limit);
    return new Result(
        top.isEmpty() ? Status.NO_CANDIDATES : Status.READY, top, from, to, model.interests());
  }

  /** The user's models: those kept if they learned from these signals and this pool, else new. */
  private UserModel model(long userId, UserSignals s, PaperVectors vectors) {
    UserSignals learned = new UserSignals(s.saved(), s.collections(), s.dismissed(), Set.of());
    List<String> pool = vectors.ids();
    Trained kept = trained.get(userId);
    if (kept != null && kept.signals().equals(learned) && kept.pool().equals(pool))
      return new UserModel(vectors, kept.models(), options.explanations());
    UserModel model = new Recommender(vectors, options).train(s);
    trainings.incrementAndGet();
    trained.put(userId, new Trained(learned, pool, model.interests()));
    return model;
  }

  /** How many times models were trained: for tests of the reuse. */
  int trainings() {
    return trainings.get();
  }
}
