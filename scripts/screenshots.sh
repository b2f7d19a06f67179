#!/usr/bin/env bash
# Screenshots of the web app (Today, Search, a paper, status, library, a collection, the import page, For you and its
# training page; 1280 and 360 px wide; light and dark) into DIR
# (default docs/screenshots/all, not committed), over a scratch library: the sample pages and a generated
# snapshot of 2,000 papers dated 11-15 March 2024. Needs python3 and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshots/all}")
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 ../shared/tools/gen-arxiv-snapshot.py --count 2000 --seed 7 --start 2024-03-11 --days 5 > "$data/snapshot.jsonl"
./lectern --data-dir "$data/library" import hf-page --no-progress ../shared/corpus/hf-papers/page-*.txt
./lectern --data-dir "$data/library" import arxiv-snapshot --no-progress "$data/snapshot.jsonl"
# For you needs the papers' vectors: LECTERN_SCREENSHOTS_EMBED=1 embeds them first (minutes)
if [ "${LECTERN_SCREENSHOTS_EMBED:-0}" = 1 ]; then ./lectern --data-dir "$data/library" embed; fi
./mvnw -B -ntp -q test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlectern.screenshots="$out" -Dlectern.screenshots.data="$data/library" -Dlectern.screenshots.day=2024-03-13
ls "$out"
