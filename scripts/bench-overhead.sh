#!/usr/bin/env bash
# The cost of a change on the peer-benchmark questions: Keyline at BASE
# (a commit) against Keyline as checked out, on one throwaway Neo4j and one
# synthetic network, with the peer benchmark's load driver (Keyline only).
# The two builds run in turns (BASE, HEAD, BASE, HEAD, ...) so that drift
# in the machine falls on both. Used for issue 12 (need to know on every
# path: the filtering must cost at most 5%); see docs/BENCHMARKS.md.
#
# Usage: scripts/bench-overhead.sh BASE
# Environment:
#   PERSONS (100000), SEED (2026)   the synthetic network (seeded by HEAD)
#   DURATION (5s), WARMUP (1s)      per question x concurrency
#   CONCURRENCY (1,16)              concurrencies
#   QUESTIONS (a,b,c,d,e)           see bench/peer/driver
#   ROUNDS (2)                      turns of each build
#   HEAP, PAGECACHE (2g)            Neo4j memory
#   RESULTS_DIR                     if set, every run's JSON is copied there
set -euo pipefail

BASE="${1:?usage: scripts/bench-overhead.sh BASE-COMMIT}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERSONS="${PERSONS:-100000}"
SEED="${SEED:-2026}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-1s}"
CONCURRENCY="${CONCURRENCY:-1,16}"
QUESTIONS="${QUESTIONS:-a,b,c,d,e}"
ROUNDS="${ROUNDS:-2}"
HEAP="${HEAP:-2g}"
PAGECACHE="${PAGECACHE:-2g}"

log() { printf 'bench-overhead: %s\n' "$*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/keyline-bench-overhead.XXXXXX")"
SERVER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  scripts/devdb.sh stop --data "$WORK/db" >/dev/null 2>&1 || true
  git worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  if [[ $rc -ne 0 ]]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

log "building HEAD ($(git rev-parse --short HEAD)) and BASE ($(git rev-parse --short "$BASE"))"
go build -o "$WORK/keyline-head" ./cmd/keyline
go build -o "$WORK/driver" ./bench/peer/driver
git worktree add --detach "$WORK/base" "$BASE" >/dev/null 2>&1
(cd "$WORK/base" && go build -o "$WORK/keyline-base" ./cmd/keyline)

DB_PORT="$(scripts/devdb.sh free-port)"
NEO4J_URI="$(scripts/devdb.sh start --port "$DB_PORT" --data "$WORK/db" --heap "$HEAP" --pagecache "$PAGECACHE")"
export NEO4J_URI
log "seeding $PERSONS synthetic persons with HEAD (its migrations too)"
"$WORK/keyline-head" seed --synthetic "$PERSONS" --seed "$SEED" --log-level warn >&2

PORT="$(scripts/devdb.sh free-port)"
export KEYLINE_DEV_KEY="$WORK/dev-signing-key.pem"
run() { # run NAME ROUND
  local bin="$WORK/keyline-$1"
  "$bin" serve --dev --listen "127.0.0.1:$PORT" --rate 1000000000 --rate-burst 1000000000 --log-level warn >"$WORK/$1-$2.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 60))
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
    ((SECONDS < deadline)) || { log "$1 not ready"; cat "$WORK/$1-$2.log" >&2; return 1; }
    sleep 0.5
  done
  "$bin" dev-token --role analyst >"$WORK/token"
  "$WORK/driver" -systems keyline -keyline "http://127.0.0.1:$PORT/graphql" -token-file "$WORK/token" \
    -operation "OP-SYNTH-$PERSONS-$SEED" -duration "$DURATION" -warmup "$WARMUP" -prewarm 3s \
    -concurrency "$CONCURRENCY" -questions "$QUESTIONS" -repo "$ROOT" -json "$WORK/$1-$2.json" >"$WORK/$1-$2.md"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  log "$1 round $2 done"
}
for r in $(seq 1 "$ROUNDS"); do
  run base "$r"
  run head "$r"
done

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM; Go $(go env GOVERSION)"
echo "BASE $(git rev-parse --short "$BASE"), HEAD $(git rev-parse --short HEAD); OP-SYNTH-$PERSONS-$SEED; $DURATION per cell, $ROUNDS rounds each, in turns"
echo
python3 - "$WORK" "$ROUNDS" <<'PY'
import json, sys, statistics, os
work, rounds = sys.argv[1], int(sys.argv[2])
def load(name):
    cells = {}
    for r in range(1, rounds + 1):
        for c in json.load(open(os.path.join(work, f"{name}-{r}.json"))):
            cells.setdefault((c["question"], c["concurrency"]), []).append(c)
    return cells
base, head = load("base"), load("head")
print("| question | conc | BASE req/s | HEAD req/s | change | BASE p50 ms | HEAD p50 ms |")
print("|---|---|---|---|---|---|---|")
for key in sorted(base):
    b, h = base[key], head.get(key, [])
    if not h:
        continue
    br = statistics.median(c["throughput"] for c in b); hr = statistics.median(c["throughput"] for c in h)
    bp = statistics.median(c["p50"] for c in b) / 1e6; hp = statistics.median(c["p50"] for c in h) / 1e6
    errs = sum(c["errors"] for c in b + h)
    if errs:
        print(f"<!-- {key}: {errs} errors -->")
    print(f"| {key[0]} | {key[1]} | {br:.0f} | {hr:.0f} | {100*(hr-br)/br:+.1f}% | {bp:.2f} | {hp:.2f} |")
PY
if [[ -n "${RESULTS_DIR:-}" ]]; then mkdir -p "$RESULTS_DIR"; cp "$WORK"/*.json "$WORK"/*.md "$RESULTS_DIR/"; fi
