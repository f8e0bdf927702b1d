#!/usr/bin/env bash
# Keyline against the generic GraphQL-to-Cypher peer (@neo4j/graphql) and
# against raw Cypher, in one run on one throwaway Neo4j with one synthetic
# network. Method and results: docs/PEER.md.
#
# Usage: scripts/bench-peer.sh
# Environment:
#   PERSONS (100000)       synthetic network size; 1000000 for the regional scale
#   SEED (2026)            generator seed (same seed, same network and samples)
#   DURATION (5s)          measured time per system x question x concurrency
#   WARMUP (1s)            unmeasured time before each measurement
#   PREWARM (5s)           unmeasured load on every system and question first
#   CONCURRENCY (1,16,64)  concurrencies
#   QUESTIONS (a,b,c,d,e)  which questions (see bench/peer/driver)
#   HEAP, PAGECACHE (2g)   Neo4j heap and page cache
#   RESULTS_DIR            if set, results.md and results.json are copied there
#   KEEP_WORK=1            keep the temporary directory (database, logs)
# Needs Go, Node 20+ with npm, and what scripts/devdb.sh needs (Java 17, Maven).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERSONS="${PERSONS:-100000}"
SEED="${SEED:-2026}"
DURATION="${DURATION:-5s}"
WARMUP="${WARMUP:-1s}"
PREWARM="${PREWARM:-5s}"
CONCURRENCY="${CONCURRENCY:-1,16,64}"
QUESTIONS="${QUESTIONS:-a,b,c,d,e}"
HEAP="${HEAP:-2g}"
PAGECACHE="${PAGECACHE:-2g}"

log() { printf 'bench-peer: %s\n' "$*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/keyline-bench-peer.XXXXXX")"
KEYLINE_PID="" PEER_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$KEYLINE_PID" ]] && kill "$KEYLINE_PID" 2>/dev/null && wait "$KEYLINE_PID" 2>/dev/null
  [[ -n "$PEER_PID" ]] && kill "$PEER_PID" 2>/dev/null && wait "$PEER_PID" 2>/dev/null
  scripts/devdb.sh stop --data "$WORK/db" >/dev/null 2>&1 || true
  if [[ "${KEEP_WORK:-}" == 1 || $rc -ne 0 ]]; then
    log "work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

# Waits until a command succeeds, or fails after $2 seconds.
wait_for() {
  local what="$1" timeout="$2" deadline=$((SECONDS + $2))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "error: $what not ready after ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "error: Node.js 20+ and npm are required"
  exit 1
fi

log "building keyline and the load driver"
go build -o "$WORK/keyline" ./cmd/keyline
go build -o "$WORK/driver" ./bench/peer/driver

log "installing the peer (npm ci)"
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error) >&2

DB_PORT="$(scripts/devdb.sh free-port)"
NEO4J_URI="$(scripts/devdb.sh start --port "$DB_PORT" --data "$WORK/db" --heap "$HEAP" --pagecache "$PAGECACHE")"
export NEO4J_URI

log "seeding $PERSONS synthetic persons (seed $SEED)"
t0=$SECONDS
"$WORK/keyline" seed --synthetic "$PERSONS" --seed "$SEED" --log-level warn >&2
log "seeded in $((SECONDS - t0))s"

# The per-identity rate limit (50/s by default) would measure the limiter,
# and per-request access logs the disk; the peer has neither.
KEYLINE_PORT="$(scripts/devdb.sh free-port)"
KEYLINE_DEV_KEY="$WORK/dev-signing-key.pem" "$WORK/keyline" serve --dev \
  --listen "127.0.0.1:$KEYLINE_PORT" --rate 1000000000 --rate-burst 1000000000 --log-level warn \
  >"$WORK/keyline.log" 2>&1 &
KEYLINE_PID=$!

PEER_PORT="$(scripts/devdb.sh free-port)"
node bench/peer/server.js --port "$PEER_PORT" --neo4j "$NEO4J_URI" >"$WORK/peer.log" 2>&1 &
PEER_PID=$!

wait_for "keyline" 60 curl -sf "http://127.0.0.1:$KEYLINE_PORT/readyz"
wait_for "peer" 60 curl -sf "http://127.0.0.1:$PEER_PORT/graphql" -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}'
KEYLINE_DEV_KEY="$WORK/dev-signing-key.pem" "$WORK/keyline" dev-token --role analyst >"$WORK/token"

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -h | awk '/^Mem:/ {print $2}') RAM"
  echo "Go: $(go env GOVERSION); Node: $(node --version); @neo4j/graphql: $(node -p 'require("./bench/peer/node_modules/@neo4j/graphql/package.json").version'); graphql-yoga: $(node -p 'require("./bench/peer/node_modules/graphql-yoga/package.json").version'); neo4j-driver (JS): $(node -p 'require("./bench/peer/node_modules/neo4j-driver/package.json").version')"
  echo "Data: OP-SYNTH-$PERSONS-$SEED; $DURATION measured (+$WARMUP warm-up) per cell after a $PREWARM pass of every system and question; Neo4j heap $HEAP, page cache $PAGECACHE"
} >"$WORK/results.md"

log "running the load driver"
"$WORK/driver" -keyline "http://127.0.0.1:$KEYLINE_PORT/graphql" -peer "http://127.0.0.1:$PEER_PORT/graphql" \
  -neo4j "$NEO4J_URI" -token-file "$WORK/token" -operation "OP-SYNTH-$PERSONS-$SEED" \
  -duration "$DURATION" -warmup "$WARMUP" -prewarm "$PREWARM" -concurrency "$CONCURRENCY" -questions "$QUESTIONS" \
  -repo "$ROOT" -json "$WORK/results.json" >>"$WORK/results.md"

cat "$WORK/results.md"
if [[ -n "${RESULTS_DIR:-}" ]]; then
  mkdir -p "$RESULTS_DIR"
  cp "$WORK/results.md" "$WORK/results.json" "$RESULTS_DIR/"
fi
