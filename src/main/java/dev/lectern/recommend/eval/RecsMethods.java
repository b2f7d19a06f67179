package dev.lectern.recommend.eval;

import de.bwaldvogel.liblinear.SolverType;
import dev.lectern.paper.Paper;
import dev.lectern.recommend.LinearModel;
import dev.lectern.recommend.PaperVectors;
import dev.lectern.recommend.Ranker;
import dev.lectern.recommend.Recommender;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rankers an evaluation compares, over one library's papers and their vectors. */
public final class RecsMethods {
  /** arxiv-sanity-lite's vocabulary: terms in 5 papers or more, and in at most a tenth. */
  private static final Tfidf.Options STRICT = Tfidf.Options.arxivSanityLite();

  /** A wider vocabulary (chosen once, not tuned): terms in 2 papers or more, at most half. */
  private static final Tfidf.Options LOOSE = new Tfidf.Options(20_000, 2, 0.5, true);

  private RecsMethods() {}

  /** The baselines, then Lectern, under the names the reports use. */
  public static Map<String, Ranker> all(List<Paper> papers, PaperVectors vectors, long seed) {
    Map<String, Ranker> out = new LinkedHashMap<>();
    out.put("random", new RandomRanker(seed));
    out.put("popularity", new PopularityRanker(upvotes(papers), seed + 1));
    out.put("arxiv-sanity-lite", arxivSanityLite(papers));
    out.put("zotero-arxiv-daily", new ZoteroArxivDaily(vectors));
    out.put(
        "logistic-regression",
        new LogisticRegressionBaseline(vectors, LogisticRegressionBaseline.PLAIN));
    out.put("lectern", new Recommender(vectors, Recommender.Options.defaults()));
    return out;
  }

  /**
   * Lectern's variants tried on the way (docs/recommendations.md), each changing one thing of the
   * default, and rankers that are not Lectern's but answer its questions: a logistic regression
   * with balanced class weights against every other paper, one over embeddings and tf-idf features
   * together, lexical rankers alone and fused with Lectern's by rank or score (fixed weights),
   * hubness corrections (centred vectors, CSLS), neighbourhood-smoothed vectors, and three
   * positive-unlabelled variants: negatives cleared of likely positives, bagging (30 rounds, 2
   * unlabelled papers per saved one as Lectern samples, at least 20) and the sample's class weighed
   * half (about the share of true negatives in it on the sample pages).
   */
  public static Map<String, Ranker> variants(List<Paper> papers, PaperVectors vectors) {
    Recommender.Options d = Recommender.Options.defaults();
    Map<String, Ranker> out = new LinkedHashMap<>();
    out.put(
        "lectern, primal LR", lectern(vectors, d.withModel(with(d, SolverType.L2R_LR, 1, 0.01))));
    out.put("lectern, C=0.1", lectern(vectors, d.withModel(with(d, d.model().solver(), 0.1, 0.1))));
    out.put("lectern, C=10", lectern(vectors, d.withModel(with(d, d.model().solver(), 10, 0.1))));
    out.put(
        "lectern, linear SVM",
        lectern(vectors, d.withModel(with(d, SolverType.L2R_L2LOSS_SVC_DUAL, 0.1, 0.1))));
    out.put(
        "lectern, unweighted",
        lectern(
            vectors,
            d.withModel(
                new LinearModel.Settings(
                    d.model().solver(), 1, LinearModel.Weighting.NONE, 0.1, 1000))));
    out.put("lectern, 50 negatives", lectern(vectors, d.withNegatives(2, 50, 50)));
    out.put(
        "logistic-regression, balanced",
        new LogisticRegressionBaseline(
            vectors,
            new LinearModel.Settings(
                SolverType.L2R_LR, 1, LinearModel.Weighting.BALANCED, 1e-4, 100)));
    out.put("embeddings + tf-idf LR", EmbeddingsAndTfidf.of(papers, vectors));
    Ranker raw = new LecternRaw(vectors, d);
    Ranker lectern = lectern(vectors, d);
    Ranker svm = arxivSanityLite(papers);
    out.put("lectern + tf-idf SVM, RRF 0.3", fuse(Fusion.Mode.RECIPROCAL_RANK, lectern, svm, 0.3));
    out.put("lectern + tf-idf SVM, z 0.3", fuse(Fusion.Mode.Z_SCORE, raw, svm, 0.3));
    out.put(
        "lectern + tf-idf cosine, z 0.3",
        fuse(Fusion.Mode.Z_SCORE, raw, new TfidfCentroid(tfidf(papers, STRICT)), 0.3));
    Map<String, Tfidf.Vector> loose = tfidf(papers, LOOSE);
    Ranker looseCosine = new TfidfCentroid(loose);
    out.put("tf-idf cosine, min_df 2, max_df 0.5", looseCosine);
    out.put("tf-idf LR, min_df 2, max_df 0.5", new TfidfLinear(loose, d.model()));
    out.put(
        "lectern + tf-idf cosine (min_df 2, max_df 0.5), z 0.3",
        fuse(Fusion.Mode.Z_SCORE, raw, looseCosine, 0.3));
    PaperVectors centred = centred(vectors);
    Recommender.Options c01 = d.withModel(with(d, d.model().solver(), 0.1, 0.1));
    out.put("lectern, centred vectors", lectern(centred, d));
    out.put("lectern, centred, C=0.1", lectern(centred, c01));
    out.put(
        "lectern centred C=0.1 + tf-idf cosine (min_df 2, max_df 0.5), z 0.3",
        fuse(Fusion.Mode.Z_SCORE, new LecternRaw(centred, c01), looseCosine, 0.3));
    Neighbourhoods near = new Neighbourhoods(vectors, 10);
    out.put("zotero, CSLS", new Csls(vectors, near.hubness(), null));
    out.put("lectern, CSLS", new Csls(vectors, near.hubness(), new Recommender(vectors, d)));
    out.put("lectern, 10-NN smoothed vectors", lectern(near.smoothed(), d));
    out.put("lectern, reliable negatives", new ReliableNegatives(vectors, d.model()));
    out.put("lectern, bagging PU (30 rounds)", new BaggingPu(vectors, d.model(), 30, 2, 20, 42));
    out.put("lectern, unlabelled weighed half", new DownweightedUnlabelled(vectors, d, 0.5));
    return out;
  }

  /**
   * The oracles between: Lectern's model over the saved papers against negatives known to be off
   * the user's page ({@link SupervisedCeiling#cleanNegatives}), with Lectern's settings, other
   * costs C and centred vectors, so that the best a linear model over one user's saved papers can
   * do with clean negatives is not judged by one setting.
   */
  public static Map<String, RecsEvaluation.Method> cleanNegatives(
      Map<String, List<String>> topics, PaperVectors vectors, long seed) {
    Recommender.Options d = Recommender.Options.defaults();
    PaperVectors centred = centred(vectors);
    Map<String, SupervisedCeiling.Learner> learners = new LinkedHashMap<>();
    learners.put("", SupervisedCeiling.embeddings(vectors, d.model()));
    for (String c : List.of("0.1", "10", "100"))
      learners.put(
          ", C=" + c,
          SupervisedCeiling.embeddings(
              vectors, with(d, d.model().solver(), Double.parseDouble(c), 0.1)));
    learners.put(", centred", SupervisedCeiling.embeddings(centred, d.model()));
    learners.put(
        ", centred, C=0.1",
        SupervisedCeiling.embeddings(centred, with(d, d.model().solver(), 0.1, 0.1)));
    Map<String, RecsEvaluation.Method> out = new LinkedHashMap<>();
    learners.forEach(
        (name, learner) ->
            out.put(
                "oracle: saved vs true negatives" + name,
                SupervisedCeiling.cleanNegatives(topics, learner, SupervisedCeiling.FOLDS, seed)));
    return out;
  }

  /**
   * Supervised ceilings, not methods (see {@link SupervisedCeiling}): how well a linear model
   * trained on every other paper's true topic ranks a topic's papers, over the embeddings with
   * Lectern's settings (and other costs C), tf-idf (arxiv-sanity-lite's vocabulary and the wider
   * one) and both together.
   */
  public static Map<String, SupervisedCeiling> ceilings(
      Map<String, List<String>> topics, List<Paper> papers, PaperVectors vectors, long seed) {
    Recommender.Options d = Recommender.Options.defaults();
    List<String> library = vectors.ids();
    Map<String, Tfidf.Vector> strict = tfidf(papers, STRICT);
    Map<String, Tfidf.Vector> loose = tfidf(papers, LOOSE);
    Map<String, SupervisedCeiling.Learner> learners = new LinkedHashMap<>();
    learners.put("embeddings LR", SupervisedCeiling.embeddings(vectors, d.model()));
    Map<String, Double> costs = Map.of("C=0.1", 0.1, "C=10", 10.0, "C=100", 100.0);
    for (String c : List.of("C=0.1", "C=10", "C=100"))
      learners.put(
          "embeddings LR, " + c,
          SupervisedCeiling.embeddings(vectors, with(d, d.model().solver(), costs.get(c), 0.1)));
    learners.put("tf-idf LR", SupervisedCeiling.tfidf(strict, d.model()));
    learners.put("tf-idf LR, min_df 2, max_df 0.5", SupervisedCeiling.tfidf(loose, d.model()));
    learners.put("embeddings + tf-idf LR", SupervisedCeiling.both(vectors, strict, d.model()));
    Map<String, SupervisedCeiling> out = new LinkedHashMap<>();
    learners.forEach(
        (name, learner) ->
            out.put(
                "ceiling: " + name,
                SupervisedCeiling.of(
                    topics,
                    library,
                    learner,
                    SupervisedCeiling.FOLDS,
                    SupervisedCeiling.SPLITS,
                    seed,
                    SupervisedCeiling.Combine.SCORES)));
    out.put(
        "ceiling: embeddings LR, folds by rank",
        SupervisedCeiling.of(
            topics,
            library,
            learners.get("embeddings LR"),
            SupervisedCeiling.FOLDS,
            SupervisedCeiling.SPLITS,
            seed,
            SupervisedCeiling.Combine.RANKS));
    return out;
  }

  private static LinearModel.Settings with(
      Recommender.Options d, SolverType solver, double c, double epsilon) {
    return new LinearModel.Settings(solver, c, d.model().weighting(), epsilon, 1000);
  }

  private static Ranker fuse(Fusion.Mode mode, Ranker embeddings, Ranker lexical, double weight) {
    return new Fusion(
        mode, List.of(new Fusion.Part(embeddings, 1 - weight), new Fusion.Part(lexical, weight)));
  }

  /** The vectors less the library's mean vector, each unit length again. */
  static PaperVectors centred(PaperVectors vectors) {
    double[] mean = new double[vectors.dims()];
    for (String id : vectors.ids()) {
      float[] v = vectors.get(id);
      for (int i = 0; i < mean.length; i++) mean[i] += v[i] / vectors.size();
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    for (String id : vectors.ids()) {
      float[] v = vectors.get(id);
      float[] c = new float[v.length];
      double norm = 0;
      for (int i = 0; i < c.length; i++) {
        c[i] = (float) (v[i] - mean[i]);
        norm += c[i] * c[i];
      }
      for (int i = 0; i < c.length; i++) c[i] = (float) (c[i] / Math.sqrt(norm));
      out.put(id, c);
    }
    return PaperVectors.of(out);
  }

  private static Ranker lectern(PaperVectors vectors, Recommender.Options options) {
    return new Recommender(vectors, options);
  }

  private static Map<String, Integer> upvotes(List<Paper> papers) {
    Map<String, Integer> out = new HashMap<>();
    for (Paper p : papers) if (p.upvotes() != null) out.put(p.id(), p.upvotes());
    return out;
  }

  static ArxivSanityLite arxivSanityLite(List<Paper> papers) {
    Map<String, String> texts = texts(papers);
    Tfidf tfidf = Tfidf.fit(List.copyOf(texts.values()), Tfidf.Options.arxivSanityLite());
    return new ArxivSanityLite(ArxivSanityLite.vectorize(texts, tfidf), tfidf.features());
  }

  /** Each paper's tf-idf vector, the vectorizer fitted on them all. */
  static Map<String, Tfidf.Vector> tfidf(List<Paper> papers, Tfidf.Options options) {
    Map<String, String> texts = texts(papers);
    Tfidf tfidf = Tfidf.fit(List.copyOf(texts.values()), options);
    return ArxivSanityLite.vectorize(texts, tfidf);
  }

  private static Map<String, String> texts(List<Paper> papers) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Paper p : papers)
      texts.put(p.id(), ArxivSanityLite.text(p.title(), p.abstractText(), p.authors()));
    return texts;
  }
}
