package dev.lectern.index;

import java.time.Duration;
import java.util.Map;

/**
 * A search index derived from the paper library: it can always be thrown away and rebuilt from the
 * library, and it knows how far it has followed the library's change sequence.
 */
public interface PaperIndex extends AutoCloseable {

  /** Applies library changes and retired ids since the watermark; visible to searches on return. */
  SyncReport sync();

  /** Recreates the index from the library alone (stored vectors included, nothing re-embedded). */
  SyncReport rebuild();

  /**
   * Attaches vectors the embedding queue has just stored in the library (paper id to vector of the
   * index's model). Papers unknown to the library are skipped.
   */
  int updateVectors(Map<String, float[]> vectors);

  /** How far the searchable index has followed the library. */
  Watermark watermark();

  /** Live papers in the searchable index. */
  int size();

  @Override
  void close();

  /**
   * What a sync or rebuild did.
   *
   * @param indexed papers added or replaced
   * @param deleted retired ids removed
   * @param watermark where the index stands afterwards
   * @param compaction time spent merging the index into one segment afterwards (zero when it was
   *     not)
   */
  record SyncReport(long indexed, long deleted, Watermark watermark, Duration compaction) {
    SyncReport(long indexed, long deleted, Watermark watermark) {
      this(indexed, deleted, watermark, Duration.ZERO);
    }

    SyncReport compacted(Duration took) {
      return new SyncReport(indexed, deleted, watermark, took);
    }
  }
}
