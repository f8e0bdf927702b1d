#!/usr/bin/env bash
# Keyline's resident memory under sustained load (issue 18: at most 150 MB
# and flat over 10 minutes at 64 clients). A benchmark, not a test: it
# reports the samples and a summary, and fails only when it cannot run.
#
# It starts its own Neo4j and seeds PERSONS synthetic persons (as
# scripts/bench-peer.sh does), or, with NEO4J_URI set to a database that
# already holds OP-SYNTH-$PERSONS-$SEED, uses that. It serves Keyline, then
# runs the peer benchmark's load driver (bench/peer/driver) against Keyline
# alone over the five questions, CONCURRENCY clients, DURATION each (10
# minutes in all by default), and reads Keyline's VmRSS every INTERVAL
# seconds from /proc.
#
#   scripts/bench-memory.sh                      # about 15 minutes here
#   NEO4J_URI=bolt://127.0.0.1:7698 scripts/bench-memory.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PERSONS="${PERSONS:-100000}"
SEED="${SEED:-2026}"
CONCURRENCY="${CONCURRENCY:-64}"
DURATION="${DURATION:-120s}"
INTERVAL="${INTERVAL:-10}"
QUESTIONS="${QUESTIONS:-a,b,c,d,e}"

log() { printf 'bench-memory: %s\n' "$*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/keyline-bench-memory.XXXXXX")"
KEYLINE_PID="" OWN_DB=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$KEYLINE_PID" ]] && kill "$KEYLINE_PID" 2>/dev/null && wait "$KEYLINE_PID" 2>/dev/null
  [[ -n "$OWN_DB" ]] && scripts/devdb.sh stop --data "$WORK/db" >/dev/null 2>&1
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

log "building keyline and the load driver"
go build -o "$WORK/keyline" ./cmd/keyline
go build -o "$WORK/driver" ./bench/peer/driver

if [[ -z "${NEO4J_URI:-}" ]]; then
  OWN_DB=1
  NEO4J_URI="$(scripts/devdb.sh start --port "$(scripts/devdb.sh free-port)" --data "$WORK/db" --heap 2g --pagecache 2g)"
  export NEO4J_URI
  log "seeding $PERSONS synthetic persons (seed $SEED)"
  "$WORK/keyline" seed --synthetic "$PERSONS" --seed "$SEED" --log-level warn >&2
fi

PORT="$(scripts/devdb.sh free-port)"
# As for the peer benchmark: the per-identity rate limit would measure the
# limiter, and per-request access logs the disk.
KEYLINE_DEV_KEY="$WORK/dev.pem" "$WORK/keyline" serve --dev --listen "127.0.0.1:$PORT" \
  --rate 1000000000 --rate-burst 1000000000 --log-level warn >"$WORK/keyline.log" 2>&1 &
KEYLINE_PID=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { log "keyline did not become ready"; cat "$WORK/keyline.log" >&2; exit 1; }
KEYLINE_DEV_KEY="$WORK/dev.pem" "$WORK/keyline" dev-token --role analyst >"$WORK/token"

rss() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$KEYLINE_PID/status"; }
log "keyline pid $KEYLINE_PID, idle RSS $(rss) MiB; load: $QUESTIONS at $CONCURRENCY clients, $DURATION each"

"$WORK/driver" -keyline "http://127.0.0.1:$PORT/graphql" -neo4j "$NEO4J_URI" -token-file "$WORK/token" \
  -operation "OP-SYNTH-$PERSONS-$SEED" -systems keyline -questions "$QUESTIONS" -concurrency "$CONCURRENCY" \
  -duration "$DURATION" -warmup 0s -prewarm 0s -repo "$ROOT" >"$WORK/driver.md" 2>"$WORK/driver.log" &
DRIVER_PID=$!

echo "| elapsed s | RSS MiB |"
echo "|---:|---:|"
start=$SECONDS
samples=()
while kill -0 "$DRIVER_PID" 2>/dev/null; do
  r="$(rss)"
  samples+=("$r")
  echo "| $((SECONDS - start)) | $r |"
  sleep "$INTERVAL"
done
wait "$DRIVER_PID" || { log "the load driver failed"; cat "$WORK/driver.log" >&2; exit 1; }
grep '^|' "$WORK/driver.md" || true
printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "RSS over %d samples: min %.1f MiB, median %.1f MiB, max %.1f MiB\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
# Flat: the first and last thirds of the run compared.
printf '%s\n' "${samples[@]}" | awk '{a[NR]=$1} END {n=int(NR/3); for (i=1;i<=n;i++) {f+=a[i]; l+=a[NR-n+i]} if (n>0) printf "mean RSS, first third %.1f MiB, last third %.1f MiB\n", f/n, l/n}'
