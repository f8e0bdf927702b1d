#!/usr/bin/env bash
# Where the CPU of a request goes: for each peer-benchmark question, the
# processor time Keyline, Neo4j and the load driver spend per request,
# for Keyline and for the raw-Cypher floor (the same statements sent by
# the Go driver alone). Processor time, unlike latency, hardly depends on
# what else the machine is doing, so this gives the API's cost even on a
# shared machine, and the most Keyline can reach against the floor when
# both share the same cores: floor CPU / Keyline CPU per request (issue 18
# asks for 0.85x the floor's throughput). A benchmark, not a test.
#
#   NEO4J_URI=bolt://... scripts/bench-cpu.sh   (a database already seeded
#   with OP-SYNTH-$PERSONS-$SEED by `keyline seed --synthetic`)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${NEO4J_URI:?set NEO4J_URI to a database seeded with keyline seed --synthetic}"
PERSONS="${PERSONS:-100000}"
SEED="${SEED:-2026}"
CONCURRENCY="${CONCURRENCY:-16}"
DURATION="${DURATION:-20s}"
QUESTIONS="${QUESTIONS:-a,b,c,d,e}"
PORT="${NEO4J_URI##*:}"

log() { printf 'bench-cpu: %s\n' "$*" >&2; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/keyline-bench-cpu.XXXXXX")"
KEYLINE_PID=""
cleanup() {
  trap - EXIT INT TERM
  [[ -n "$KEYLINE_PID" ]] && kill "$KEYLINE_PID" 2>/dev/null && wait "$KEYLINE_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

go build -o "$WORK/keyline" ./cmd/keyline
go build -o "$WORK/driver" ./bench/peer/driver
NEO4J_PID="$(pgrep -f "devdb.jar --port $PORT " | head -1)"
[[ -n "$NEO4J_PID" ]] || { log "no devdb Neo4j on port $PORT (the script reads its CPU from /proc)"; exit 1; }

KPORT="$(scripts/devdb.sh free-port)"
KEYLINE_DEV_KEY="$WORK/dev.pem" "$WORK/keyline" serve --dev --listen "127.0.0.1:$KPORT" \
  --rate 1000000000 --rate-burst 1000000000 --log-level warn >"$WORK/keyline.log" 2>&1 &
KEYLINE_PID=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$KPORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
KEYLINE_DEV_KEY="$WORK/dev.pem" "$WORK/keyline" dev-token --role analyst >"$WORK/token"

# ticks: user + system processor time of a process, in clock ticks.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ="$(getconf CLK_TCK)"

echo "| question | system | req/s | Keyline ms CPU/req | Neo4j ms CPU/req | driver ms CPU/req | total ms CPU/req |"
echo "|---|---|---:|---:|---:|---:|---:|"
for q in ${QUESTIONS//,/ }; do
  for sys in keyline cypher; do
    "$WORK/driver" -keyline "http://127.0.0.1:$KPORT/graphql" -neo4j "$NEO4J_URI" -token-file "$WORK/token" \
      -operation "OP-SYNTH-$PERSONS-$SEED" -systems "$sys" -questions "$q" -concurrency "$CONCURRENCY" \
      -duration "$DURATION" -warmup 2s -prewarm 0s -repo "$ROOT" -json "$WORK/r.json" >"$WORK/out.md" 2>"$WORK/driver.log" &
    DRIVER=$!
    # The driver first picks its samples (tens of seconds) and says so,
    # then warms up for 2 s and measures for DURATION. The processor time
    # is read over a window inside that (from 3 s after the line to 2 s
    # before the end) and divided by the throughput the driver measured:
    # CPU seconds per second over requests per second.
    until grep -q "driver: operation" "$WORK/driver.log" 2>/dev/null || ! kill -0 "$DRIVER" 2>/dev/null; do sleep 0.2; done
    sleep 3
    window=$(( ${DURATION%s} - 3 ))
    k0=$(ticks "$KEYLINE_PID") n0=$(ticks "$NEO4J_PID") d0=$(ticks "$DRIVER")
    sleep "$window"
    k1=$(ticks "$KEYLINE_PID") n1=$(ticks "$NEO4J_PID") d1=$(ticks "$DRIVER")
    wait "$DRIVER"
    rate=$(python3 -c "import json;print(json.load(open('$WORK/r.json'))[0]['throughput'])" 2>/dev/null || echo 0)
    awk -v q="$q" -v s="$sys" -v rate="$rate" -v w="$window" -v k=$((k1-k0)) -v j=$((n1-n0)) -v d=$((d1-d0)) -v hz="$HZ" 'BEGIN {
      if (rate == 0) { printf "| %s | %s | 0 | - | - | - | - |\n", q, s; exit }
      if (s == "cypher") k = 0
      per = 1000 / hz / w / rate
      printf "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f |\n", q, s, rate, k*per, j*per, d*per, (k+j+d)*per }'
  done
done
