#!/usr/bin/env bash
# The workbench's end-to-end run: the whole stack with the demo operation,
# driven by Playwright in headless Chromium.
#
# Usage: scripts/e2e.sh [playwright test args...]
#   e.g. scripts/e2e.sh e2e/search.spec.ts
#        scripts/e2e.sh --grep "key players"
#        scripts/e2e.sh --serve    (the same stack, kept up until Ctrl-C, to
#                                   run `cd web && KEYLINE_URL=... npx playwright
#                                   test` against while writing specs)
#
# It starts a throwaway Neo4j (auth on, a random password, a free loopback
# port, its own data directory), builds the workbench if its sources changed
# (`make web`), builds keyline with it embedded, migrates,
# loads the demo operation (Operation Kestrel), serves it in development
# mode on another free loopback port with a throwaway signing key, waits
# for /readyz, runs `npx playwright test` in web/ with KEYLINE_URL (and
# KEYLINE_BIN, the binary, for specs that start a server of their own) and the
# browser from scripts/chromium.sh, and stops the server and Neo4j however
# it ends. Exits non-zero when anything fails.
#
# Environment:
#   CHROMIUM            browser binary (default /usr/bin/chromium; CI=true installs it)
#   E2E_KEEP=1          keep the temporary directory (logs, key, binary)
#   E2E_RATE, E2E_RATE_BURST  the server's per-identity rate limit (200/s, 400)
#
# scripts/bench-web.sh sources this file for the same stack (the functions
# below); only running it executes main.
set -euo pipefail

E2E_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DEVDB="$E2E_ROOT/scripts/devdb.sh"

e2e_log() { printf '%s: %s\n' "${E2E_NAME:-e2e}" "$*" >&2; }
e2e_die() { e2e_log "error: $*"; exit 1; }

# e2e_build_web: the Makefile's `web` target (npm ci when the lockfile
# changed, npm run build when a source or the schema is newer than the build).
e2e_build_web() {
  command -v npm >/dev/null || e2e_die "npm is missing (Node.js 20+ is needed to build the workbench)"
  make -C "$E2E_ROOT" --no-print-directory web >&2 || e2e_die "building the workbench failed"
}

# e2e_start_db: a throwaway Neo4j with authentication on. Sets E2E_TMP,
# E2E_DB_DATA, E2E_DB_PORT and exports NEO4J_*.
e2e_start_db() {
  E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/keyline-e2e.XXXXXX")"
  E2E_DB_DATA="$E2E_TMP/db"
  E2E_DB_PORT="$("$E2E_DEVDB" free-port)"
  local password t0
  password="e2e-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  t0=$SECONDS
  if ! "$E2E_DEVDB" start --port "$E2E_DB_PORT" --data "$E2E_DB_DATA" --auth-password "$password" >/dev/null; then
    e2e_die "could not start the throwaway Neo4j (log above)"
  fi
  e2e_log "Neo4j ready on 127.0.0.1:$E2E_DB_PORT in $((SECONDS - t0)) s (auth on)"
  export NEO4J_URI="bolt://127.0.0.1:$E2E_DB_PORT" NEO4J_USER=neo4j NEO4J_PASSWORD="$password" NEO4J_DATABASE=neo4j
}

# e2e_build_keyline: go build with the workbench embedded. Sets E2E_BIN.
e2e_build_keyline() {
  E2E_BIN="$E2E_TMP/keyline"
  (cd "$E2E_ROOT" && go build -o "$E2E_BIN" ./cmd/keyline) || e2e_die "go build failed"
}

# e2e_serve: keyline serve --dev on a free loopback port; waits for /readyz.
# Sets E2E_PID, E2E_URL, E2E_SERVER_LOG and exports KEYLINE_URL.
e2e_serve() {
  local port deadline
  port="$("$E2E_DEVDB" free-port)"
  E2E_SERVER_LOG="$E2E_TMP/keyline.log"
  E2E_URL="http://127.0.0.1:$port"
  KEYLINE_DEV_KEY="$E2E_TMP/dev-signing-key.pem" KEYLINE_LOG_LEVEL="${KEYLINE_LOG_LEVEL:-info}" \
    "$E2E_BIN" serve --dev --listen "127.0.0.1:$port" --dev-key "$E2E_TMP/dev-signing-key.pem" \
    --rate "${E2E_RATE:-200}" --rate-burst "${E2E_RATE_BURST:-400}" \
    >"$E2E_SERVER_LOG" 2>&1 &
  E2E_PID=$!
  deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null "$E2E_URL/readyz" 2>/dev/null; do
    if ! kill -0 "$E2E_PID" 2>/dev/null; then
      tail -n 30 "$E2E_SERVER_LOG" >&2 || true
      e2e_die "keyline serve exited before it was ready (log above)"
    fi
    if (( SECONDS > deadline )); then
      tail -n 30 "$E2E_SERVER_LOG" >&2 || true
      e2e_die "keyline was not ready on $E2E_URL/readyz within 60 s"
    fi
    sleep 0.2
  done
  export KEYLINE_URL="$E2E_URL"
  e2e_log "keyline (dev) ready on $E2E_URL (pid $E2E_PID)"
}

# e2e_cleanup: stop the server and Neo4j, remove the temporary directory
# (kept with E2E_KEEP=1). Safe to call more than once.
e2e_cleanup() {
  local rc=$?
  if [[ -n "${E2E_PID:-}" ]] && kill -0 "$E2E_PID" 2>/dev/null; then
    kill "$E2E_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do kill -0 "$E2E_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$E2E_PID" 2>/dev/null || true
    wait "$E2E_PID" 2>/dev/null || true
  fi
  E2E_PID=""
  if [[ -n "${E2E_DB_DATA:-}" ]]; then
    "$E2E_DEVDB" stop --data "$E2E_DB_DATA" >/dev/null 2>&1 || true
  fi
  if [[ -n "${E2E_TMP:-}" && -d "$E2E_TMP" ]]; then
    if [[ "${E2E_KEEP:-}" == 1 ]]; then
      e2e_log "kept $E2E_TMP"
    else
      rm -rf "$E2E_TMP"
    fi
  fi
  E2E_TMP="" E2E_DB_DATA=""
  return "$rc"
}

e2e_main() {
  trap e2e_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local browser
  browser="$("$E2E_ROOT/scripts/chromium.sh" path)" || exit 1
  e2e_build_web
  e2e_start_db
  e2e_build_keyline
  "$E2E_BIN" migrate >&2 || e2e_die "keyline migrate failed"
  "$E2E_BIN" seed >&2 || e2e_die "keyline seed failed"
  e2e_serve
  if [[ "${1:-}" == "--serve" ]]; then
    e2e_log "serving: KEYLINE_URL=$E2E_URL CHROMIUM=$browser (Ctrl-C stops it)"
    echo "$E2E_URL"
    wait "$E2E_PID"
    return
  fi
  e2e_log "running Playwright with $("$E2E_ROOT/scripts/chromium.sh" version 2>/dev/null || echo "$browser")"
  rm -rf "$E2E_ROOT/web/test-results/screens"
  local rc=0
  (cd "$E2E_ROOT/web" && CHROMIUM="$browser" KEYLINE_URL="$E2E_URL" KEYLINE_BIN="$E2E_BIN" npx --no-install playwright test "$@") || rc=$?
  # The server's log is a test artefact too (ids, counts and timings only).
  mkdir -p "$E2E_ROOT/web/test-results"
  cp "$E2E_SERVER_LOG" "$E2E_ROOT/web/test-results/keyline-server.log" 2>/dev/null || true
  if (( rc != 0 )); then
    e2e_log "FAILED (playwright exit $rc): report in web/playwright-report/index.html, traces and screenshots in web/test-results/, server log in web/test-results/keyline-server.log"
  else
    e2e_log "passed"
  fi
  return "$rc"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  e2e_main "$@"
fi
