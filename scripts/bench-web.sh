#!/usr/bin/env bash
# The workbench's benchmark (issue 14; docs/BENCHMARKS.md "Workbench (issue 14)"):
#  (a) first-load weight: the JavaScript and CSS index.html loads before its
#      first paint, gzip -9 (web/bench/first-load.mjs; target <= 400 KB);
#  (b) time to draw and lay out a network of 500 and of 2,000 entities on
#      the link chart in headless Chromium, through the UI (Expand with a
#      node budget of 500 at 2 hops and 2,000 at 3 hops, from one person of a
#      synthetic operation), RUNS runs each, median and max
#      (web/bench/chart.mjs; targets <= 1.5 s and <= 5 s).
# It reports figures and asserts nothing about them; it fails only when the
# harness cannot run.
#
# Usage: scripts/bench-web.sh [--first-load-only]
# Environment:
#   RUNS (5)               runs per network size
#   BENCH_PERSONS (5000)   persons of the synthetic network (`keyline seed --synthetic`)
#   BENCH_SIZES (500:2,2000:3)  node budget:hops pairs
#   CHROMIUM               browser binary (scripts/chromium.sh)
#   E2E_KEEP=1             keep the temporary directory
#   BENCH_COMMIT           commit reported with the figures (default: git HEAD)
# Results: web/test-results/bench/{first-load,chart,machine}.json (and stdout).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_NAME=bench-web
# shellcheck source=scripts/e2e.sh
source "$ROOT/scripts/e2e.sh"

OUT="$ROOT/web/test-results/bench"
mkdir -p "$OUT"
RUNS="${RUNS:-5}"
BENCH_PERSONS="${BENCH_PERSONS:-5000}"
BENCH_SIZES="${BENCH_SIZES:-500:2,2000:3}"

machine() {
  local cpu mem chromium_v playwright_v cytoscape_v react_v commit
  cpu="$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -n1)"
  mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  chromium_v="$("$ROOT/scripts/chromium.sh" version 2>/dev/null || echo unknown)"
  playwright_v="$(node -p "require('$ROOT/web/node_modules/@playwright/test/package.json').version" 2>/dev/null || echo unknown)"
  cytoscape_v="$(node -p "require('$ROOT/web/node_modules/cytoscape/package.json').version" 2>/dev/null || echo unknown)"
  react_v="$(node -p "require('$ROOT/web/node_modules/react/package.json').version" 2>/dev/null || echo unknown)"
  commit="${BENCH_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo +dirty)}"
  cat <<EOF
{"nproc": $(nproc), "cpu": "$cpu", "memory": "$mem", "chromium": "$chromium_v", "node": "$(node --version)",
 "playwright": "$playwright_v", "cytoscape": "$cytoscape_v", "react": "$react_v", "go": "$(go env GOVERSION)", "commit": "$commit",
 "persons": $BENCH_PERSONS, "runs": $RUNS, "loadavg": "$(cut -d' ' -f1-3 /proc/loadavg)"}
EOF
}

trap e2e_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

BROWSER="$("$ROOT/scripts/chromium.sh" path)"
e2e_build_web
machine | tee "$OUT/machine.json"
e2e_log "(a) first-load weight"
(cd "$ROOT/web" && node bench/first-load.mjs --json "$OUT/first-load.json")
if [[ "${1:-}" == "--first-load-only" ]]; then
  exit 0
fi

e2e_log "(b) chart draw and layout: a synthetic operation of $BENCH_PERSONS persons"
e2e_start_db
e2e_build_keyline
"$E2E_BIN" migrate >&2
# The demo operation brings the development users' officer records.
"$E2E_BIN" seed >&2
"$E2E_BIN" seed --synthetic "$BENCH_PERSONS" >&2
ref="OP-SYNTH-$BENCH_PERSONS-2026"
read -r OPERATION_ID SEED_ID SEED_LABEL < <(cd "$ROOT" && go run web/bench/grant_membership.go -operation "$ref" -subject dev-analyst)
e2e_log "the development analyst is a member of $ref ($OPERATION_ID); seed $SEED_ID ($SEED_LABEL)"
e2e_serve
(cd "$ROOT/web" && CHROMIUM="$BROWSER" KEYLINE_URL="$E2E_URL" SEED_ID="$SEED_ID" OPERATION_ID="$OPERATION_ID" \
  node bench/chart.mjs --runs "$RUNS" --sizes "$BENCH_SIZES" --json "$OUT/chart.json")
e2e_log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the times)"
e2e_log "results in ${OUT#"$ROOT"/}/"
