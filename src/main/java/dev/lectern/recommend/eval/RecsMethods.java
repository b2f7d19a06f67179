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
   * default, and two rankers that are not Lectern's but answer its questions: a logistic regression
   * with balanced class weights against every other paper, and one over embeddings and tf-idf
   * features together.
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
    return out;
  }

  private static LinearModel.Settings with(
      Recommender.Options d, SolverType solver, double c, double epsilon) {
    return new LinearModel.Settings(solver, c, d.model().weighting(), epsilon, 1000);
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
    Map<String, String> texts = new LinkedHashMap<>();
    for (Paper p : papers)
      texts.put(p.id(), ArxivSanityLite.text(p.title(), p.abstractText(), p.authors()));
    Tfidf tfidf = Tfidf.fit(List.copyOf(texts.values()), Tfidf.Options.arxivSanityLite());
    return new ArxivSanityLite(ArxivSanityLite.vectorize(texts, tfidf), tfidf.features());
  }
}
