package dev.lectern.recommend.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tf-idf vectors as scikit-learn's {@code TfidfVectorizer} makes them with arxiv-sanity-lite's
 * settings: lower-cased, accents stripped, its token pattern, English stop words removed, then word
 * 1- and 2-grams; terms in fewer than {@code minDf} or more than {@code maxDf} of the documents
 * dropped, the {@code maxFeatures} most frequent kept; smoothed idf {@code ln((1 + n) / (1 + df)) +
 * 1}, sublinear tf {@code 1 + ln(tf)}, l2-normalized. Lucene's analyzers build bigrams across the
 * gaps stop words leave, so this is written out rather than assembled from them.
 */
public final class Tfidf {
  private static final Pattern TOKEN =
      Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]+\\b", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern COMBINING = Pattern.compile("\\p{M}");
  private static final Set<String> STOP_WORDS = stopWords();

  /** The vectorizer's settings; {@code maxDf} is a fraction of the documents. */
  public record Options(int maxFeatures, int minDf, double maxDf, boolean sublinearTf) {
    /** arxiv-sanity-lite's compute.py: 20,000 features, min_df 5, max_df 0.1, sublinear tf. */
    public static Options arxivSanityLite() {
      return new Options(20_000, 5, 0.1, true);
    }
  }

  /** A document's vector: ascending feature indices and their values. */
  public record Vector(int[] indices, double[] values) {}

  private final Map<String, Integer> vocabulary;
  private final double[] idf;
  private final boolean sublinearTf;

  private Tfidf(Map<String, Integer> vocabulary, double[] idf, boolean sublinearTf) {
    this.vocabulary = vocabulary;
    this.idf = idf;
    this.sublinearTf = sublinearTf;
  }

  /** Learns the vocabulary and idf of these documents. */
  public static Tfidf fit(List<String> documents, Options options) {
    Map<String, Integer> df = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    for (String doc : documents) {
      Map<String, Integer> counts = counts(doc);
      counts.forEach(
          (term, c) -> {
            df.merge(term, 1, Integer::sum);
            total.merge(term, (long) c, Long::sum);
          });
    }
    int n = documents.size();
    double maxCount = options.maxDf() * n;
    List<String> kept = new ArrayList<>();
    df.forEach(
        (term, d) -> {
          if (d >= options.minDf() && d <= maxCount) kept.add(term);
        });
    // the most frequent over all documents; equal counts by term, as scikit-learn's sorted columns
    kept.sort(Comparator.<String>comparingLong(total::get).reversed().thenComparing(t -> t));
    TreeMap<String, Integer> sorted = new TreeMap<>();
    for (String term : kept.subList(0, Math.min(options.maxFeatures(), kept.size())))
      sorted.put(term, 0);
    Map<String, Integer> vocabulary = new HashMap<>();
    double[] idf = new double[sorted.size()];
    int i = 0;
    for (String term : sorted.keySet()) {
      vocabulary.put(term, i);
      idf[i++] = Math.log((1.0 + n) / (1.0 + df.get(term))) + 1;
    }
    return new Tfidf(vocabulary, idf, options.sublinearTf());
  }

  /** A document's l2-normalized tf-idf vector over the learned vocabulary. */
  public Vector transform(String document) {
    TreeMap<Integer, Double> weights = new TreeMap<>();
    counts(document)
        .forEach(
            (term, c) -> {
              Integer index = vocabulary.get(term);
              if (index != null) {
                double tf = sublinearTf ? 1 + Math.log(c) : c;
                weights.put(index, tf * idf[index]);
              }
            });
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    int[] indices = new int[weights.size()];
    double[] values = new double[weights.size()];
    int i = 0;
    for (var e : weights.entrySet()) {
      indices[i] = e.getKey();
      values[i++] = norm == 0 ? 0 : e.getValue() / norm;
    }
    return new Vector(indices, values);
  }

  public int features() {
    return idf.length;
  }

  /** The idf of a term in the vocabulary; NaN for another. */
  public double idf(String term) {
    Integer i = vocabulary.get(term);
    return i == null ? Double.NaN : idf[i];
  }

  /** The feature index of a term; -1 when it is not in the vocabulary. */
  public int index(String term) {
    return vocabulary.getOrDefault(term, -1);
  }

  /** A document's terms (unigrams, then bigrams of the words left after stop words), in order. */
  static List<String> terms(String document) {
    String text = document.toLowerCase(Locale.ROOT);
    text = COMBINING.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) if (!STOP_WORDS.contains(m.group())) words.add(m.group());
    List<String> terms = new ArrayList<>(words);
    for (int i = 0; i + 1 < words.size(); i++) terms.add(words.get(i) + " " + words.get(i + 1));
    return terms;
  }

  private static Map<String, Integer> counts(String document) {
    Map<String, Integer> counts = new HashMap<>();
    for (String term : terms(document)) counts.merge(term, 1, Integer::sum);
    return counts;
  }

  private static Set<String> stopWords() {
    Set<String> words = new HashSet<>();
    try (var in = Tfidf.class.getResourceAsStream("english-stop-words.txt");
        var reader =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, "english-stop-words.txt"),
                    StandardCharsets.UTF_8))) {
      reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
