package dev.lectern.search;

import dev.lectern.index.PaperDocuments;
import dev.lectern.index.PaperDocuments.StoredPaper;
import dev.lectern.index.SearchableIndex;
import dev.lectern.index.VectorLookup;
import dev.lectern.search.SearchRequest.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Searches a long-running process runs when it starts, so that its users' first searches run
 * compiled code. The JVM compiles a method fully only after it has run thousands of times; until
 * then Lucene's scoring loops and Lectern's ranking, highlighting and counting run in the
 * interpreter or in lightly optimised code, and a search takes longer (Solr's "firstSearcher"
 * queries and Elasticsearch's warmers answer the same need).
 *
 * <p>Each sampled paper gives a query made from its title (see {@link TitleQueries}; some are made
 * phrases, exclusions or filtered by category and years, see {@link #ofEveryKind}), searched by
 * words and, when the paper has a vector, by hybrid search with the paper's own vector as the
 * query's, and every {@value #SIMILAR_EVERY}th paper's similar papers are looked up. No query is
 * embedded: the model would cost more than the searches, and the embedding queue needs the cores at
 * start.
 */
public final class SearchWarmup {
  /**
   * One paper in this many also has its similar papers looked up (a lookup costs a few searches).
   */
  static final int SIMILAR_EVERY = 4;

  /** Hits per page, as a user sees them. */
  private static final int PAGE = 10;

  /**
   * What a warm-up did: papers sampled, searches run, the time taken, and whether it was stopped
   * early.
   */
  public record Report(int papers, int searches, Duration took, boolean stopped) {}

  /**
   * A sampled paper: its id, a query from its title, and its vector (null when it has none yet).
   */
  record Sample(String id, String query, float[] vector) {}

  private SearchWarmup() {}

  /**
   * Samples {@code papers} papers of the index at random (with replacement; same seed, same index:
   * same papers) and runs their searches through {@code service}, checking {@code stop} before each
   * paper. A search that fails on a paper's query (the paper retired meanwhile by an import that
   * renamed it, say) is skipped: the warm-up goes on with the next.
   */
  public static Report run(
      SearchService service, SearchableIndex index, int papers, long seed, BooleanSupplier stop) {
    long start = System.nanoTime();
    List<Sample> samples = papers <= 0 ? List.of() : sample(index, papers, seed, stop);
    int searches = 0;
    int done = 0;
    for (Sample s : samples) {
      if (stop.getAsBoolean()) break;
      searches += searchesOf(service, s, done % SIMILAR_EVERY == 0);
      done++;
    }
    return new Report(
        done, searches, Duration.ofNanos(System.nanoTime() - start), done < samples.size());
  }

  /** The searches of one sampled paper; how many ran before one failed. */
  static int searchesOf(SearchService service, Sample s, boolean similarToo) {
    int ran = 0;
    try {
      service.search(SearchRequest.of(s.query()).withMode(Mode.LEXICAL).page(0, PAGE));
      ran++;
      if (s.vector() != null) {
        service.search(SearchRequest.of(s.query()).withMode(Mode.HYBRID).page(0, PAGE), s.vector());
        ran++;
      }
      if (similarToo) {
        service.similar(s.id(), PAGE);
        ran++;
      }
    } catch (QueryException e) {
      // this paper's query or id is no good (any more): the next paper's are
    }
    return ran;
  }

  /**
   * The {@code n}th title query, or another kind of query made of it, so that each kind's code is
   * compiled too: a phrase, an exclusion, and a category with a range of years (the paper's own, so
   * it matches). {@link TitleQueries} restricts others by category or author.
   */
  static String ofEveryKind(String titleQuery, StoredPaper p, int n) {
    if (titleQuery.contains(":")) return titleQuery;
    return switch (n % 10) {
      case 1 -> "\"" + titleQuery + "\"";
      case 5 -> titleQuery + " -survey";
      case 9 ->
          p.submitted() == null
                  || p.categories().isEmpty()
                  || !hasFourDigits(p.submitted().getYear() - 1)
              ? titleQuery
              : titleQuery
                  + " cat:"
                  + p.categories().getFirst()
                  + " year:"
                  + (p.submitted().getYear() - 1)
                  + "-"
                  + p.submitted().getYear();
      default -> titleQuery;
    };
  }

  /** Whether {@code year} and the next are years as {@code year:} takes them. */
  private static boolean hasFourDigits(int year) {
    return year >= 1000 && year + 1 <= 9999;
  }

  /**
   * Up to {@code papers} random live papers whose titles make a query, fewer when {@code stop} says
   * so. Their vectors are read at once (1.5 KB each).
   */
  static List<Sample> sample(SearchableIndex index, int papers, long seed, BooleanSupplier stop) {
    return index.search(
        s -> {
          IndexReader reader = s.getIndexReader();
          List<Sample> out = new ArrayList<>();
          if (reader.numDocs() == 0) return out;
          Bits live = MultiBits.getLiveDocs(reader);
          StoredFields stored = s.storedFields();
          Random random = new Random(seed);
          // a bound on draws, for an index of deleted papers and titles without words
          for (int draws = 0;
              out.size() < papers && draws < 4L * papers && !stop.getAsBoolean();
              draws++) {
            int doc = random.nextInt(reader.maxDoc());
            if (live != null && !live.get(doc)) continue;
            StoredPaper p = PaperDocuments.fromDocument(stored.document(doc));
            String query =
                p.title() == null
                    ? null
                    : TitleQueries.of(p.title(), p.categories(), p.authors(), random, out.size());
            if (query != null)
              out.add(
                  new Sample(
                      p.id(), ofEveryKind(query, p, out.size()), VectorLookup.vectorOf(s, doc)));
          }
          return out;
        });
  }
}
