#!/usr/bin/env bash
# Keyline's dev/test database: Neo4j 5.26 Community embedded in a small JVM
# launcher (devdb/), serving Bolt on 127.0.0.1 only.
#
# Usage:
#   scripts/devdb.sh build
#   scripts/devdb.sh start [--port P] [--data DIR] [--auth-password PW]
#                          [--pidfile F] [--log F] [--heap SIZE]
#                          [--pagecache SIZE] [--timeout SECONDS]
#   scripts/devdb.sh stop  [--pidfile F] [--data DIR] [--timeout SECONDS]
#   scripts/devdb.sh status [--pidfile F] [--data DIR] [--port P]
#   scripts/devdb.sh free-port
#
# Environment defaults (flags win):
#   DEVDB_PORT (7687)          DEVDB_DATA (devdb/data)
#   DEVDB_HEAP (1g)            DEVDB_PAGECACHE (512m)
#   DEVDB_TX_MEMORY (256m)     DEVDB_START_TIMEOUT (120)
#   DEVDB_STOP_TIMEOUT (30)    DEVDB_AUTH_PASSWORD (unset: auth off)
#   DEVDB_JAVA_OPTS (extra JVM flags)
# The pid file and log default to DIR/devdb.pid and DIR/devdb.log.
#
# `start` returns only once Bolt answers a handshake and the launcher has
# printed its READY line; on failure it prints the log tail and exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEVDB_DIR="$ROOT/devdb"
TARGET="$DEVDB_DIR/target"
JAR="$TARGET/devdb.jar"
LIB="$TARGET/lib"

DEVDB_PORT="${DEVDB_PORT:-7687}"
DEVDB_DATA="${DEVDB_DATA:-$DEVDB_DIR/data}"
DEVDB_HEAP="${DEVDB_HEAP:-1g}"
DEVDB_PAGECACHE="${DEVDB_PAGECACHE:-512m}"
DEVDB_TX_MEMORY="${DEVDB_TX_MEMORY:-256m}"
DEVDB_START_TIMEOUT="${DEVDB_START_TIMEOUT:-120}"
DEVDB_STOP_TIMEOUT="${DEVDB_STOP_TIMEOUT:-30}"
DEVDB_AUTH_PASSWORD="${DEVDB_AUTH_PASSWORD:-}"
DEVDB_JAVA_OPTS="${DEVDB_JAVA_OPTS:-}"

log() { printf 'devdb: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '5,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || true
  fi
}

# Major version of a java binary ("1.8.0_x" -> 8, "17.0.15" -> 17), 0 if unknown.
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  [[ "$v" == 1.* ]] && v="${v#1.}"
  v="${v%%[!0-9]*}"
  echo "${v:-0}"
}

# Are java 17+, javac and mvn usable? With need_build=0 only java is checked.
toolchain_ok() {
  local need_build="$1" j
  j="$(java_bin)"
  [[ -n "$j" ]] || return 1
  (( $(java_major "$j") >= 17 )) || return 1
  if [[ "$need_build" == 1 ]]; then
    command -v mvn >/dev/null || return 1
    command -v javac >/dev/null || [[ -x "${JAVA_HOME:-/nonexistent}/bin/javac" ]] || return 1
  fi
}

ensure_toolchain() {
  local need_build="$1"
  toolchain_ok "$need_build" && return 0
  log "a Java 17+ JDK and Maven are required (found java: $(java_bin || true), mvn: $(command -v mvn || echo none))."
  log "install them with:  apt-get install -y openjdk-17-jdk-headless maven"
  if [[ "${CI:-}" == "true" ]]; then
    log "CI=true: installing them now"
    local sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven >&2
    toolchain_ok "$need_build" || die "toolchain still unusable after apt-get install"
  else
    exit 1
  fi
}

# Written when a build starts and renamed once it succeeded: comparing the
# inputs with the build's start (not its end) also catches edits made while
# Maven was running, or within the filesystem's timestamp granularity of it.
STAMP="$TARGET/.devdb-built"

# True when target/ is missing, incomplete, or older than any build input.
needs_build() {
  [[ -f "$STAMP" && -f "$JAR" && -d "$LIB" ]] || return 0
  compgen -G "$LIB/*.jar" >/dev/null || return 0
  [[ -n "$(find "$DEVDB_DIR/pom.xml" "$DEVDB_DIR/src" -newer "$STAMP" -print -quit)" ]]
}

cmd_build() {
  [[ $# -eq 0 ]] || die "build takes no arguments"
  if ! needs_build; then
    return 0
  fi
  ensure_toolchain 1
  mkdir -p "$TARGET"
  # Concurrent starts (parallel test packages) must not build on top of each other.
  exec 9>"$TARGET/.build.lock"
  flock 9
  if needs_build; then
    log "building devdb (first run downloads Neo4j from Maven Central)..."
    local t0=$SECONDS
    rm -f "$STAMP"
    touch "$STAMP.new"
    # Stale jars of another Neo4j version must not survive a pom change.
    rm -rf "$LIB"
    # (sed: Debian's Maven 3.8 prints bare colour resets even with -q -B.)
    (cd "$DEVDB_DIR" && mvn -q -B package -DskipTests) 2>&1 | sed 's/\x1b\[0m//g' >&2 \
      || die "maven build failed"
    mv -f "$STAMP.new" "$STAMP"
    log "built in $((SECONDS - t0))s"
  fi
  flock -u 9
  exec 9>&-
}

# Is PID a live process? Zombies count as dead: a launcher started by this
# shell stays a zombie until reaped, and some containers never reap orphans.
pid_alive() {
  local pid="$1" state
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != "Z" ]]
}

# Is PID a live devdb launcher (and not an unrelated process that reused a
# stale pidfile's pid)?
is_devdb_pid() {
  pid_alive "$1" || return 1
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'devdb\.jar'
}

# Is something accepting TCP connections on 127.0.0.1:PORT?
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Does 127.0.0.1:PORT speak Bolt? Sends the Bolt handshake offering
# 5.0-5.4 and 4.4, and expects a non-zero version in the 4-byte reply.
bolt_answers() {
  local reply
  reply="$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
             printf '\x60\x60\xb0\x17\x00\x04\x04\x05\x00\x00\x04\x04\x00\x00\x00\x00\x00\x00\x00\x00' >&3 || exit 1
             timeout 5 head -c 4 <&3 | od -An -tx1) 2>/dev/null | tr -d ' \n' || true)"
  [[ ${#reply} -eq 8 && "$reply" != "00000000" ]]
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    port_open "$p" || { echo "$p"; return; }
  done
  die "no free port found"
}

# JVM flags recommended by Neo4j for its server (from its neo4j.conf), minus
# those only useful for big production heaps (e.g. AlwaysPreTouch, which would
# commit the whole heap at start).
java_flags() {
  local j="$1"
  local flags=(
    "-Xmx$DEVDB_HEAP"
    -XX:+UseG1GC
    -XX:-OmitStackTraceInFastThrow
    -XX:+UnlockExperimentalVMOptions
    -XX:+TrustFinalNonStaticFields
    -XX:+DisableExplicitGC
    -XX:+ExitOnOutOfMemoryError
    -Djdk.nio.maxCachedBufferSize=1024
    -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true
    -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
  )
  if "$j" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
    flags+=(--enable-native-access=ALL-UNNAMED)
  fi
  printf '%s\n' "${flags[@]}"
}

print_log_tail() {
  local logf="$1"
  log "---- last 50 lines of $logf ----"
  tail -n 50 "$logf" >&2 2>/dev/null || true
  log "---- end of log ----"
}

# Sends SIGTERM, waits up to TIMEOUT seconds, then SIGKILL.
terminate() {
  local pid="$1" timeout="$2" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for (( i = 0; i < timeout * 10; i++ )); do
    is_devdb_pid "$pid" || return 0
    sleep 0.1
  done
  log "pid $pid still running after ${timeout}s: sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for (( i = 0; i < 50; i++ )); do
    is_devdb_pid "$pid" || return 0
    sleep 0.1
  done
  return 1
}

cmd_start() {
  local port="$DEVDB_PORT" data="$DEVDB_DATA" password="$DEVDB_AUTH_PASSWORD"
  local pidfile="" logf="" timeout="$DEVDB_START_TIMEOUT"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      --data) data="${2:?--data needs a value}"; shift 2 ;;
      --auth-password) password="${2?--auth-password needs a value}"; shift 2 ;;
      --pidfile) pidfile="${2:?--pidfile needs a value}"; shift 2 ;;
      --log) logf="${2:?--log needs a value}"; shift 2 ;;
      --heap) DEVDB_HEAP="${2:?--heap needs a value}"; shift 2 ;;
      --pagecache) DEVDB_PAGECACHE="${2:?--pagecache needs a value}"; shift 2 ;;
      --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
      *) die "start: unknown argument '$1' (see: $0 help)" ;;
    esac
  done
  if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
    die "invalid port '$port'"
  fi
  mkdir -p "$data"
  data="$(cd "$data" && pwd)"
  pidfile="${pidfile:-$data/devdb.pid}"
  logf="${logf:-$data/devdb.log}"
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logf")"

  if [[ -f "$pidfile" ]]; then
    local old
    old="$(tr -dc '0-9' <"$pidfile" || true)"
    if is_devdb_pid "$old"; then
      die "already running as pid $old (pidfile $pidfile); run: $0 stop --pidfile $pidfile"
    fi
    log "removing stale pidfile $pidfile (pid ${old:-?} is gone)"
    rm -f "$pidfile"
  fi
  # Otherwise the readiness probe could be answered by whoever holds the port.
  if port_open "$port"; then
    die "port $port on 127.0.0.1 is already in use (try: $0 free-port)"
  fi

  cmd_build
  ensure_toolchain 0
  local j
  j="$(java_bin)"
  local -a flags
  mapfile -t flags < <(java_flags "$j")
  # shellcheck disable=SC2206 # DEVDB_JAVA_OPTS is a whitespace-separated list on purpose.
  local -a extra=($DEVDB_JAVA_OPTS)

  [[ -f "$logf" ]] && mv -f "$logf" "$logf.1"
  local t0 pid
  t0="$(date +%s.%N)"
  # The password goes by environment, not argv, so it does not show in ps.
  DEVDB_AUTH_PASSWORD="$password" DEVDB_TX_MEMORY="$DEVDB_TX_MEMORY" \
    nohup "$j" "${flags[@]}" "${extra[@]}" -jar "$JAR" \
      --port "$port" --data "$data" --pagecache "$DEVDB_PAGECACHE" \
      >"$logf" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pidfile"

  local deadline=$(( SECONDS + timeout ))
  while :; do
    # Not is_devdb_pid: until nohup has exec'd java, argv is still bash's.
    if ! pid_alive "$pid"; then
      local rc=0
      wait "$pid" 2>/dev/null || rc=$?
      rm -f "$pidfile"
      print_log_tail "$logf"
      die "java exited during startup (exit code $rc)"
    fi
    if grep -q '^DEVDB READY' "$logf" 2>/dev/null && bolt_answers "$port"; then
      break
    fi
    if (( SECONDS >= deadline )); then
      print_log_tail "$logf"
      log "not ready after ${timeout}s: stopping pid $pid"
      terminate "$pid" 10 || true
      rm -f "$pidfile"
      die "startup timed out"
    fi
    sleep 0.2
  done
  local secs
  secs="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  log "ready in ${secs}s: bolt://127.0.0.1:$port (pid $pid, auth $([[ -n "$password" ]] && echo on || echo off), log $logf)"
  echo "bolt://127.0.0.1:$port"
}

cmd_stop() {
  local data="$DEVDB_DATA" pidfile="" timeout="$DEVDB_STOP_TIMEOUT"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --pidfile) pidfile="${2:?--pidfile needs a value}"; shift 2 ;;
      --data) data="${2:?--data needs a value}"; shift 2 ;;
      --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
      *) die "stop: unknown argument '$1' (see: $0 help)" ;;
    esac
  done
  pidfile="${pidfile:-$data/devdb.pid}"
  if [[ ! -f "$pidfile" ]]; then
    log "not running (no pidfile $pidfile)"
    return 0
  fi
  local pid
  pid="$(tr -dc '0-9' <"$pidfile" || true)"
  if ! is_devdb_pid "$pid"; then
    log "not running (stale pidfile $pidfile, pid ${pid:-?}); removed it"
    rm -f "$pidfile"
    return 0
  fi
  local t0=$SECONDS
  if terminate "$pid" "$timeout"; then
    rm -f "$pidfile"
    log "stopped pid $pid in $((SECONDS - t0))s"
  else
    die "could not stop pid $pid"
  fi
}

cmd_status() {
  local data="$DEVDB_DATA" pidfile="" port="$DEVDB_PORT"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --pidfile) pidfile="${2:?--pidfile needs a value}"; shift 2 ;;
      --data) data="${2:?--data needs a value}"; shift 2 ;;
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      *) die "status: unknown argument '$1' (see: $0 help)" ;;
    esac
  done
  pidfile="${pidfile:-$data/devdb.pid}"
  local pid=""
  [[ -f "$pidfile" ]] && pid="$(tr -dc '0-9' <"$pidfile" || true)"
  if is_devdb_pid "$pid"; then
    if bolt_answers "$port"; then
      echo "running: pid $pid, bolt://127.0.0.1:$port answers"
      return 0
    fi
    echo "running: pid $pid, but Bolt does not answer on port $port"
    return 1
  fi
  echo "not running"
  return 3
}

main() {
  local cmd="${1:-help}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    build) cmd_build "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    free-port) free_port ;;
    help|-h|--help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
