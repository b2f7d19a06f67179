#!/usr/bin/env bash
# Browsing benchmark: the server time of Today's day, week and month, the category pages and their API answers
# over 100,000 generated papers spread over 50 days (so that the month ending on the last day holds 60,000),
# one in 40 given Hugging Face upvotes (1-300) as the daily harvest would. Prints p50 / p99 of 200 requests per
# page over loopback (BrowseTimingTest); "{days}" pages rotate over 20 end days, so no request reuses another's
# work. The library is built once and kept in $LECTERN_BENCH_DIR (default /tmp/lectern-bench).
#   scripts/bench-browse.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${LECTERN_BENCH_DIR:-/tmp/lectern-bench}"
data="$work/browse-100k"
mkdir -p "$work"
if [ ! -f "$data/library.db" ]; then
  python3 "$here/../shared/tools/gen-arxiv-snapshot.py" --count 100000 --seed 7 --start 2024-01-01 --days 50 \
    > "$work/browse-100k.jsonl"
  "$here/lectern" --data-dir "$data" import arxiv-snapshot --no-progress "$work/browse-100k.jsonl"
  # straight into the library, deterministic; the index keeps none of them, which these pages do not read
  python3 - "$data/library.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE papers SET upvotes = 1 + (rowid * 7919) % 300 WHERE rowid % 40 = 0")
db.commit()
PY
fi
cd "$here"
./mvnw -B -ntp -q test -Dtest=BrowseTimingTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip \
  -Dlectern.bench.data="$data" -Dlectern.bench.day=2024-02-19
grep -v -e '^WARNING' -e 'VectorizationProvider' target/surefire-reports/dev.lectern.web.BrowseTimingTest-output.txt
