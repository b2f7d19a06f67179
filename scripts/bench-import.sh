#!/usr/bin/env bash
# Import benchmark: generates an arXiv-snapshot file of COUNT records (synthetic, deterministic, with
# ../shared/tools/gen-arxiv-snapshot.py --seed 7) once, then imports it into a fresh library with the heap
# capped, and prints records/s, peak heap after GC, peak RSS and the database size.
#   scripts/bench-import.sh [COUNT] [HEAP]     defaults: 1000000 512m
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-1000000}"
heap="${2:-512m}"
work="${LECTERN_BENCH_DIR:-/tmp/lectern-bench}"
gen="$here/../shared/tools/gen-arxiv-snapshot.py"
mkdir -p "$work"
file="$work/arxiv-$count.jsonl"
if [ ! -f "$file" ]; then
  echo "generating $count records into $file (about 6.5 min per million)..." >&2
  python3 "$gen" --count "$count" --seed 7 > "$file.part" && mv "$file.part" "$file"
fi
data="$work/data-$count"
rm -rf "$data"
gclog="$work/gc-$count.log"
"$here/lectern" --version >/dev/null   # builds the application first, outside the measurement
LECTERN_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$gclog" /usr/bin/time -v -o "$work/time-$count.txt" \
  "$here/lectern" --data-dir "$data" import arxiv-snapshot --no-progress --no-index "$file"
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$count.txt")
# heap after each collection, in MB (none: no collection ran; grep's "no match" must not end the script)
after_gc() { grep "$1" "$gclog" | grep -oE '[0-9]+M->[0-9]+M' | cut -d'>' -f2 | tr -d M | sort -n | tail -1 || true; }
peak_heap=$(after_gc 'Pause')
# a full collection leaves only live objects; a young one also the old generation's uncollected garbage
live_heap=$(after_gc 'Pause Full')
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "heap cap: $heap; $(sed -n 's/.*Using //p' "$gclog") collector; heap after GC, peak: ${peak_heap:-?} MB" \
  "(after a full GC: ${live_heap:-none ran} MB); peak RSS: $((rss_kb / 1024)) MB"
echo "database: $(du -sh "$data" | cut -f1) for $count records ($(du -b "$file" | cut -f1 | numfmt --to=iec) of JSON)"
