#!/usr/bin/env bash
# Import benchmark: generates an arXiv-snapshot file of COUNT records (synthetic, deterministic, with
# ../shared/tools/gen-arxiv-snapshot.py --seed 7) once, then times two whole commands with the heap capped:
#   1. the import as a user runs it (library and search index: the default) into a fresh library;
#   2. `lectern reindex` of the library it made.
# For each: wall time, records (papers) per second, peak heap after GC, peak RSS; then the sizes.
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
"$here/lectern" --version >/dev/null   # builds the application first, outside the measurement

# heap after each collection in a GC log, in MB (none: no collection ran; grep's "no match" must not end the script)
after_gc() { grep "$2" "$1" | grep -oE '[0-9]+M->[0-9]+M' | cut -d'>' -f2 | tr -d M | sort -n | tail -1 || true; }

# timed NAME UNIT COMMAND...: runs a whole lectern command under /usr/bin/time with the heap capped, then
# prints its rate (COUNT UNITs over the wall time, JVM start included), CPU time (telling more than the wall
# time on a machine shared with other work), heap and RSS
timed() {
  local name="$1" unit="$2"; shift 2
  local gclog="$work/gc-$name-$count.log" times="$work/time-$name-$count.txt" load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  LECTERN_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$gclog" /usr/bin/time -f '%e %M %U %S' -o "$times" \
    "$here/lectern" --data-dir "$data" "$@"
  local wall rss_kb user sys peak_heap live_heap
  read -r wall rss_kb user sys < <(tail -1 "$times")
  peak_heap=$(after_gc "$gclog" 'Pause')
  # a full collection leaves only live objects; a young one also the old generation's uncollected garbage
  live_heap=$(after_gc "$gclog" 'Pause Full')
  printf '%s: %s s, %s %s/s (whole command), CPU %s s user + %s s system; heap cap %s, %s collector, heap after GC peak %s MB (after a full GC: %s MB); peak RSS %s MB; load before %s\n' \
    "$name" "$wall" "$(awk -v n="$count" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')" "$unit" "$user" "$sys" "$heap" \
    "$(sed -n 's/.*Using //p' "$gclog")" "${peak_heap:-?}" "${live_heap:-none ran}" "$((rss_kb / 1024))" "$load" \
    >> "$work/summary-$count.txt"
}

rm -f "$work/summary-$count.txt"
timed import records import arxiv-snapshot --no-progress "$file"
timed reindex papers reindex --no-progress
echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u '+%Y-%m-%d %H:%M UTC')"
cat "$work/summary-$count.txt"
echo "library: $(du -sh "$data/library.db" | cut -f1), index: $(du -sh "$data/index" | cut -f1) for $count records ($(du -bL "$file" | cut -f1 | numfmt --to=iec) of JSON)"
