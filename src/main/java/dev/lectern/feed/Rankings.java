package dev.lectern.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last few rankings computed, each good while the library has not changed since: paging through
 * a month reads and ranks it once. A ranking is kept with the library's change sequence at the
 * time, and any change (a paper stored, merged, upvoted or moved) makes it be computed again.
 */
final class Rankings<K, V> {
  private record Kept<V>(long changeSeq, V value) {}

  private final LongSupplier changeSeq;
  private final Map<K, Kept<V>> kept;

  Rankings(int size, LongSupplier changeSeq) {
    this.changeSeq = changeSeq;
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
            return size() > size;
          }
        };
  }

  /**
   * The kept ranking when the library is as it was, else a new one; two requests for the same
   * ranking at once may both compute it (the lock is not held while ranking).
   */
  V get(K key, Supplier<V> compute) {
    long seq = changeSeq.getAsLong();
    synchronized (kept) {
      Kept<V> k = kept.get(key);
      if (k != null && k.changeSeq() == seq) return k.value();
    }
    V value = compute.get();
    synchronized (kept) {
      kept.put(key, new Kept<>(seq, value));
    }
    return value;
  }
}
