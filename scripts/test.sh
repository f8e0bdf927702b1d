#!/usr/bin/env bash
# Runs Keyline's tests against a throwaway Neo4j: builds devdb if needed,
# starts it with authentication ON (a random password) on a free loopback
# port and its own data directory, runs `go test` with NEO4J_* pointing at
# it, and stops it however the tests end. Fails loudly if Neo4j cannot start.
# Extra arguments go to `go test` (default: -race -count=1 ./...).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DEVDB="$ROOT/scripts/devdb.sh"

DATA="$(mktemp -d "${TMPDIR:-/tmp}/keyline-test-db.XXXXXX")"
PORT="$("$DEVDB" free-port)"
PASSWORD="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

cleanup() {
  "$DEVDB" stop --data "$DATA" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

start=$(date +%s%N)
if ! "$DEVDB" start --port "$PORT" --data "$DATA" --auth-password "$PASSWORD" >/dev/null; then
  echo "test: FAILED to start the test Neo4j; see the log above" >&2
  exit 1
fi
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "test: Neo4j ready on 127.0.0.1:$PORT in ${elapsed_ms} ms (auth on)"

export NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER=neo4j NEO4J_PASSWORD="$PASSWORD" NEO4J_DATABASE=neo4j
# Integration tests fail (rather than skip) when Neo4j is missing.
export KEYLINE_REQUIRE_NEO4J=1
# The import benchmarks split CPU between the importer and this Neo4j.
IMPORT_BENCH_DBPID="$(cat "$DATA/devdb.pid" 2>/dev/null || true)"
export IMPORT_BENCH_DBPID

if [ "$#" -eq 0 ]; then
  set -- -race -count=1 ./...
fi
go test "$@"
