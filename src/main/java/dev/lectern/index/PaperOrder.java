package dev.lectern.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.misc.index.BPIndexReorderer;
import org.apache.lucene.misc.index.BPReorderingMergePolicy;
import org.apache.lucene.store.Directory;

/**
 * How papers are ordered inside the index's big segments: papers that share words are numbered next
 * to each other (recursive graph bisection, Lucene's {@link BPIndexReorderer} over titles and
 * abstracts). Their postings then compress better and a search by words skips more blocks, so
 * searches by words run faster (see docs/performance.md).
 *
 * <p>Reordering happens while segments merge: in every merge into one segment (a rebuild, the
 * compaction after a bulk load) and in natural merges of at least {@code minNaturalMergeDocs}
 * papers. Its price is that the merged segment's HNSW graph is built anew instead of growing from
 * the biggest segment's graph, so those merges take longer.
 *
 * @param minDocFreq words in fewer papers than this are ignored by the ordering
 * @param minNaturalMergeDocs the smallest natural merge that is reordered
 */
record PaperOrder(int minDocFreq, int minNaturalMergeDocs) {
  /**
   * Lucene's suggested thresholds: only big segments matter much for speed, and small merges stay
   * cheap.
   */
  static final PaperOrder DEFAULT = new PaperOrder(BPIndexReorderer.DEFAULT_MIN_DOC_FREQ, 1 << 18);

  /** The diagnostic Lucene's reordering merge policy writes on each segment it merged. */
  private static final String REORDERED = "bp.reordered";

  /**
   * Temporary files of the reordering ({@code postings__0.tmp}, {@code term-ids__2.tmp}, ...), up
   * to a gigabyte at 1M papers. Lucene clears a killed merge's files on the next open only when
   * they are named like its own segment files, which these are not.
   */
  private static final Pattern LEFTOVER =
      Pattern.compile("(postings|term-ids|start-offsets)_.*\\.tmp");

  /**
   * Deletes what a reordering cut short by a crash or a kill left in the index directory, as far as
   * it can (a file it cannot delete now is tried again at the next open). Only for the holder of
   * the index's write lock: another writer's reordering may be running.
   *
   * @return files deleted
   */
  static int deleteLeftovers(Directory dir) {
    int deleted = 0;
    try {
      for (String file : dir.listAll()) {
        if (!LEFTOVER.matcher(file).matches()) continue;
        try {
          dir.deleteFile(file);
          deleted++;
        } catch (IOException e) {
          // left for the next open
        }
      }
    } catch (IOException e) {
      // the directory cannot be listed: the open that follows reports it
    }
    return deleted;
  }

  MergePolicy mergePolicy() {
    BPIndexReorderer reorderer = new BPIndexReorderer();
    reorderer.setFields(Set.of(IndexFields.TITLE, IndexFields.ABSTRACT));
    reorderer.setMinDocFreq(minDocFreq);
    // it needs 8 bytes per paper, and 8 per word it considers and per core; the default (a tenth of
    // the
    // heap's current size, not its maximum) could be too small early in a process's life, and then
    // the
    // merge silently keeps the written order
    reorderer.setRAMBudgetMB(
        (double) Math.max(64, Runtime.getRuntime().maxMemory() / 20 / (1 << 20)));
    var policy =
        new BPReorderingMergePolicy(new LoneSegmentRewritten(new TieredMergePolicy()), reorderer);
    policy.setMinNaturalMergeNumDocs(minNaturalMergeDocs);
    return policy;
  }

  /**
   * A merge into one segment also rewrites a lone segment that was not reordered (one written by a
   * single flush, by a natural merge below the threshold, or by an older Lectern): otherwise Lucene
   * sees it as merged already and leaves it alone.
   */
  private static final class LoneSegmentRewritten extends FilterMergePolicy {
    LoneSegmentRewritten(MergePolicy in) {
      super(in);
    }

    @Override
    public MergeSpecification findForcedMerges(
        SegmentInfos infos,
        int maxSegmentCount,
        Map<SegmentCommitInfo, Boolean> segmentsToMerge,
        MergeContext context)
        throws IOException {
      MergeSpecification merges =
          super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
      if (merges != null || maxSegmentCount != 1 || infos.size() != 1) return merges;
      SegmentCommitInfo lone = infos.info(0);
      // TRUE marks a segment that existed when the merge into one segment was asked for; Lucene
      // adds that
      // merge's own output as FALSE, so a rewritten segment is never rewritten again in the same
      // request
      // (whatever its diagnostics say: "false" after a reordering short of memory, or none at all)
      if ("true".equals(lone.info.getDiagnostics().get(REORDERED))
          || !Boolean.TRUE.equals(segmentsToMerge.get(lone))
          || context.getMergingSegments().contains(lone)) {
        return null;
      }
      MergeSpecification rewrite = new MergeSpecification();
      rewrite.add(new OneMerge(List.of(lone)));
      return rewrite;
    }
  }
}
