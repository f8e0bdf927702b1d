#!/usr/bin/env bash
# The cost of a change on the peer-benchmark questions: Keyline at BASE
# (a commit) against Keyline as checked out, on one throwaway Neo4j and one
# synthetic network, with the peer benchmark's load driver (Keyline only).
# The two builds run in turns (BASE, HEAD, BASE, HEAD, ...) so that drift
# in the machine falls on both. Used for issue 12 (need to know on every
# path: the filtering must cost at most 5%); see docs/BENCHMARKS.md.
#
# Usage: scripts/bench-overhead.sh BASE [DIR]
# DIR, if given, is a third build (a checkout with an experimental change),
# run in the same turns and reported as VARIANT.
# Environment:
#   PERSONS (100000), SEED (2026)   the synthetic network (seeded by HEAD)
#   DURATION (5s), WARMUP (1s)      per question x concurrency
#   CONCURRENCY (1,16)              concurrencies
#   QUESTIONS (a,b,c,d,e)           see bench/peer/driver
#   ROUNDS (2)                      turns of each build
#   HEAP, PAGECACHE (2g)            Neo4j memory
#   RESULTS_DIR                     if set, every run's JSON is copied there
set -euo pipefail

BASE="${1:?usage: scripts/bench-overhead.sh BASE-COMMIT [DIR]}"
VARIANT_DIR="${2:-}"
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
BUILDS="base head"
if [[ -n "$VARIANT_DIR" ]]; then
  (cd "$VARIANT_DIR" && go build -o "$WORK/keyline-variant" ./cmd/keyline)
  BUILDS="base head variant"
fi

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
  for b in $BUILDS; do run "$b" "$r"; done
done

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM; Go $(go env GOVERSION)"
echo "BASE $(git rev-parse --short "$BASE"), HEAD $(git rev-parse --short HEAD)${VARIANT_DIR:+, VARIANT $VARIANT_DIR}; OP-SYNTH-$PERSONS-$SEED; $DURATION per cell, $ROUNDS rounds each, in turns"
echo
python3 - "$WORK" "$ROUNDS" $BUILDS <<'PY'
import json, sys, statistics, os
work, rounds, builds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def load(name):
    cells = {}
    for r in range(1, rounds + 1):
        for c in json.load(open(os.path.join(work, f"{name}-{r}.json"))):
            cells.setdefault((c["question"], c["concurrency"]), []).append(c)
    return cells
cells = {b: load(b) for b in builds}
others = [b for b in builds if b != "base"]
print("| question | conc | BASE req/s | " + " | ".join(f"{b.upper()} req/s | change" for b in others) + " | BASE p50 ms | " + " | ".join(f"{b.upper()} p50 ms" for b in others) + " |")
print("|---|---|---|" + "---|---|" * len(others) + "---|" + "---|" * len(others))
for key in sorted(cells["base"]):
    med = lambda b, f: statistics.median(c[f] for c in cells[b][key])
    row = [key[0], str(key[1]), f"{med('base', 'throughput'):.0f}"]
    for b in others:
        row += [f"{med(b, 'throughput'):.0f}", f"{100 * (med(b, 'throughput') - med('base', 'throughput')) / med('base', 'throughput'):+.1f}%"]
    row.append(f"{med('base', 'p50') / 1e6:.2f}")
    row += [f"{med(b, 'p50') / 1e6:.2f}" for b in others]
    errs = sum(c["errors"] for b in builds for c in cells[b][key])
    print("| " + " | ".join(row) + " |" + (f" <!-- {errs} errors -->" if errs else ""))
PY
if [[ -n "${RESULTS_DIR:-}" ]]; then mkdir -p "$RESULTS_DIR"; cp "$WORK"/*.json "$WORK"/*.md "$RESULTS_DIR/"; fi
