package dev.lectern.store;

/** Counts of one import run: records read, and what became of them. */
public record ImportCounts(long read, long added, long updated, long unchanged, long rejected) {
  public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0);

  public ImportCounts plus(ImportCounts o) {
    return new ImportCounts(
        read + o.read,
        added + o.added,
        updated + o.updated,
        unchanged + o.unchanged,
        rejected + o.rejected);
  }

  @Override
  public String toString() {
    return "read "
        + read
        + ", new "
        + added
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", rejected "
        + rejected;
  }
}
