#!/usr/bin/env bash
# Web benchmark: `lectern serve` over COUNT generated papers, loaded by wrk (Debian's HTTP load generator).
#   scripts/bench-web.sh [COUNT] [CONNECTIONS] [SECONDS]    defaults: 100000 "4 8" 20
# Prepares once, in $LECTERN_BENCH_DIR (default /tmp/lectern-bench), and reuses on later runs:
#   - a snapshot of COUNT records over 60 days (../shared/tools/gen-arxiv-snapshot.py --seed 7) and the sample
#     Daily Papers pages, imported into a library;
#   - a scratch copy of it with synthetic vectors stored and its index built (`lectern bench search --scratch`;
#     the real model over 100,000 abstracts would take hours on 2 cores). The server embeds every search
#     query with the real model, as it always does.
# Then it serves the copy (heap and collector as a user runs it; LECTERN_JAVA_OPTS passes through, e.g. for
# a JFR recording), waits for its start-up warm-up, checks that every URL answers 200 and that search runs
# hybrid, warms up, and measures with wrk:
#   1. each kind of page alone, one connection, SECONDS each: Today (/ and 9 days), search (hybrid, 2,950
#      queries from titles, each new to the server, so every one is embedded: it keeps the last 1,000 query
#      vectors), search-cached (50 queries, the dev set's and typed ones, asked again: vectors from the
#      cache), paper (1,000 papers, each with its 10 similar papers), feed (/feed.atom of days, and
#      /search.atom of 15 queries), For you (the local user has 1,000 saved papers in 5 collections and 100
#      dismissed: each request loads the window's vectors, retrains and ranks);
#   2. mixed pages (40% search, new queries; 30% paper, 20% Today, 10% feed) for 60 s at each of CONNECTIONS.
# Prints requests/s and latency p50/p90/p99/max (wrk's, measured on the same machine: server time plus the
# loopback), the load average before each run, the machine, the date and the commit. Any error (a status of
# 400 or more, or a socket error; wrk's timeout is 10 s) fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-100000}"
connections="${2:-4 8}"
seconds="${3:-20}"
mixed_seconds=60
work="${LECTERN_BENCH_DIR:-/tmp/lectern-bench}"
gen="$here/../shared/tools/gen-arxiv-snapshot.py"
pages=("$here"/../shared/corpus/hf-papers/page-*.txt)
mkdir -p "$work"

if ! command -v wrk >/dev/null; then
  echo "installing wrk..." >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
fi
"$here/lectern" --version >/dev/null # builds the application first
. "$here/scripts/find-jdk.sh"
lectern_find_jdk

file="$work/web-arxiv-$count.jsonl"
source_dir="$work/web-source-$count"
data="$work/web-scratch-$count"
if [ ! -f "$data/prepared" ]; then
  if [ ! -f "$file" ]; then
    echo "generating $count records over 60 days into $file..." >&2
    python3 "$gen" --count "$count" --seed 7 --start 2024-01-01 --days 60 >"$file.part" && mv "$file.part" "$file"
  fi
  rm -rf "$source_dir" "$data"
  echo "importing them and the sample pages into $source_dir..." >&2
  "$here/lectern" --data-dir "$source_dir" import arxiv-snapshot --no-index --no-progress "$file" >/dev/null
  "$here/lectern" --data-dir "$source_dir" import hf-page --no-index --no-progress "${pages[@]}" >/dev/null
  echo "copying it with synthetic vectors and an index into $data (lectern bench search)..." >&2
  "$here/lectern" --data-dir "$source_dir" bench search --scratch "$data" --queries 1 --warmup 0 \
    --warmup-papers 0 >"$work/web-prepare-$count.log"
  touch "$data/prepared"
fi

# The local user's library, for For you: 1,000 saved papers in 5 collections of 200 and 100 dismissed (as
# `lectern bench recommend` times the retraining), drawn with a fixed seed, once.
python3 - "$data/library.db" <<'EOF'
import random, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
if c.execute("SELECT COUNT(*) FROM paper_marks WHERE user_id = 1 AND saved_at IS NOT NULL").fetchone()[0] == 0:
    rng = random.Random(20261206)
    ids = rng.sample([r[0] for r in c.execute("SELECT id FROM papers ORDER BY id")], 1100)
    at = "2026-01-01T00:00:00Z"
    c.executemany("INSERT INTO paper_marks (user_id, paper_id, saved_at) VALUES (1, ?, ?)", [(i, at) for i in ids[:1000]])
    c.executemany("INSERT INTO paper_marks (user_id, paper_id, dismissed_at) VALUES (1, ?, ?)", [(i, at) for i in ids[1000:]])
    for n in range(5):
        cid = c.execute("INSERT INTO collections (user_id, name, created_at) VALUES (1, ?, ?)", (f"bench {n + 1}", at)).lastrowid
        c.executemany("INSERT INTO collection_papers (collection_id, paper_id, added_at) VALUES (?, ?, ?)",
                      [(cid, i, at) for i in ids[n * 200:(n + 1) * 200]])
    c.commit()
EOF

# The URLs, drawn from the library with fixed seeds: the same library gives the same lists.
urls="$work/web-urls-$count"
mkdir -p "$urls"
python3 - "$data/library.db" "$urls" "$here/../shared/eval/queries-dev.tsv" <<'EOF'
import random, sqlite3, sys, urllib.parse
db, out, eval_queries = sys.argv[1:]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
rng = random.Random(20241201)
days = [r[0] for r in c.execute(
    "SELECT DISTINCT COALESCE(submitted, substr(first_seen, 1, 10)) AS d FROM papers ORDER BY d")]
ids = [r[0] for r in c.execute("SELECT id FROM papers ORDER BY id")]
titles = [r[0] for r in c.execute("SELECT title FROM papers ORDER BY id")]
q = urllib.parse.quote_plus
# queries: the dev set's, a few written like users write them (two with filters), then words of titles
base = [line.split("\t")[1].strip() for line in open(eval_queries) if "\t" in line]
base += ["graph transformers", "diffusion image editing", "retrieval augmented generation",
         "large language model reasoning", "vision language models", "\"image editing\"",
         "efficient attention -sparse", "cat:cs.CV segmentation",
         "cat:cs.LG year:2024 time series forecasting", "state space models for long sequences"]
queries = list(base)
while len(queries) < 3000:  # more than the 1,000 query vectors the server keeps: each search embeds its query
    words = [w for w in titles[rng.randrange(len(titles))].replace("$", " ").split() if w.isalpha()]
    if len(words) >= 3:
        start = rng.randrange(len(words) - 2)
        phrase = " ".join(words[start:start + rng.choice([2, 3, 4])]).lower()
        if phrase not in queries:
            queries.append(phrase)
            if len(base) < 50:
                base.append(phrase)
kinds = {
    "today": ["/"] + [f"/?day={d}" for d in rng.sample(days[-30:], 8)] + [f"/?day={days[-2]}&sort=newest"],
    "search": [f"/search?q={q(s)}" for s in queries if s not in base],
    "search-cached": [f"/search?q={q(s)}" for s in base],
    "paper": [f"/papers/{q(i, safe='/')}" for i in rng.sample(ids, 1000)],
    "feed": ["/feed.atom"] + [f"/feed.atom?day={d}" for d in rng.sample(days[-30:], 4)]
            + [f"/search.atom?q={q(s)}" for s in rng.sample(base, 15)],
    "for-you": ["/for-you"],
}
for kind, paths in kinds.items():
    open(f"{out}/{kind}.txt", "w").write("\n".join(paths) + "\n")
# mixed: 40% search (every query once a round: 2,950 searches before one comes again), 30% paper, 20% Today,
# 10% feed, each kind's URLs in turn, shuffled
mixed = []
for kind, n in [("search", 3000), ("paper", 2250), ("today", 1500), ("feed", 750)]:
    mixed += [kinds[kind][i % len(kinds[kind])] for i in range(n)]
rng.shuffle(mixed)
open(f"{out}/mixed.txt", "w").write("\n".join(mixed) + "\n")
EOF

# wrk's script: each thread walks the list from its own starting point; a status of 400 or more is counted
cat >"$urls/rotate.lua" <<'EOF'
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  n = math.floor(id * #paths / tonumber(args[2]))
  errors = 0
end
function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
function response(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end
function done(summary, latency, requests)
  local errors = 0
  for _, t in ipairs(threads) do errors = errors + t:get("errors") end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f errors=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    math.max(errors, e.status), e.connect + e.read + e.write + e.timeout))
end
EOF

log="$work/web-serve-$count.log"
"$here/lectern" --data-dir "$data" serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 600); do
  base="$(sed -n 's#^serving \(http://[^/ ]*\)/ .*#\1#p' "$log")"
  [ -n "$base" ] && curl -fs "$base/api/v1/status" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$base" ] || { echo "the server did not start; see $log" >&2; exit 1; }
echo "serving $data at $base; waiting for its search warm-up..." >&2
for _ in $(seq 600); do grep -q "search warmed up" "$log" && break; sleep 1; done

# every URL once: each must answer 200 (also a first warm-up); hybrid search must be the mode used
for kind in today search-cached paper feed for-you; do
  while read -r path; do
    status="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")"
    [ "$status" = 200 ] || { echo "$base$path answered $status" >&2; exit 1; }
  done <"$urls/$kind.txt"
done
curl -fs "$base/api/v1/search?q=graph+transformers&limit=1" | grep -q '"mode":"hybrid"' \
  || { echo "search did not run hybrid: is the model there? see $log" >&2; exit 1; }
for kind in today search-cached paper feed for-you; do # warm-up (not with the fresh queries, which must stay fresh)
  wrk -t2 -c2 -d10s --timeout 10s -s "$urls/rotate.lua" "$base" -- "$urls/$kind.txt" 2 >/dev/null
done

summary="$work/web-summary-$count.txt"
: >"$summary"
failed=0
# run LABEL THREADS CONNECTIONS SECONDS LIST
run() {
  local label="$1" threads="$2" conns="$3" secs="$4" list="$5" load out
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  out="$(wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$urls/rotate.lua" "$base" -- "$urls/$list.txt" "$threads")"
  echo "$out" >"$work/web-wrk-$label-$count.txt"
  local r
  r="$(echo "$out" | sed -n 's/^RESULT //p')"
  printf '%-14s %s (%s s, %s connection(s)); load before %s\n' "$label" "$r" "$secs" "$conns" "$load" | tee -a "$summary"
  if ! echo "$r" | grep -q ' errors=0 socket_errors=0'; then
    echo "ERRORS in $label: see $work/web-wrk-$label-$count.txt and $log" >&2
    failed=1
  fi
}
for kind in today search search-cached paper feed for-you; do run "$kind" 1 1 "$seconds" "$kind"; done
for c in $connections; do run "mixed-c$c" 2 "$c" "$mixed_seconds" mixed; done

{
  echo "machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 || true)"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD || echo ' (with uncommitted changes)')"
  echo "library: $(curl -fs "$base/api/v1/status" | grep -oE '"papers":[0-9]+' | head -1 | cut -d: -f2) papers, served from $data; server log $log"
} | tee -a "$summary"
if [ "$failed" = 1 ]; then
  echo "FAILED: some requests failed (above)" >&2
  exit 1
fi
