#!/usr/bin/env bash
# The Chromium the workbench's browser tests and benchmark drive.
#
# Usage:
#   scripts/chromium.sh path      print the browser's path (installing it on CI)
#   scripts/chromium.sh version   print its version
#
# The browser is $CHROMIUM if set, else /usr/bin/chromium (Debian's
# `chromium` package). When it is missing and CI=true, Debian's package is
# installed (apt-get, with sudo when not root); otherwise this fails and says
# how to install it. Playwright's own browser downloads are not used (they
# are blocked here): never `npx playwright install`.
set -euo pipefail

BROWSER="${CHROMIUM:-/usr/bin/chromium}"

log() { printf 'chromium: %s\n' "$*" >&2; }

install_debian() {
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      log "error: not root and no sudo: cannot install Debian's chromium package"
      exit 1
    fi
  fi
  log "CI=true and $BROWSER is missing: installing Debian's chromium package"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >&2
}

ensure() {
  if [[ -x "$BROWSER" ]]; then
    return 0
  fi
  if [[ -n "${CHROMIUM:-}" ]]; then
    log "error: CHROMIUM=$CHROMIUM is not an executable file"
    exit 1
  fi
  if [[ "${CI:-}" == "true" ]]; then
    install_debian
    [[ -x "$BROWSER" ]] || { log "error: $BROWSER still missing after apt-get install chromium"; exit 1; }
    return 0
  fi
  log "error: no Chromium at $BROWSER."
  log "install Debian's package:  sudo apt-get install -y --no-install-recommends chromium"
  log "or point CHROMIUM at a Chromium/Chrome binary (e.g. CHROMIUM=/usr/bin/chromium-browser)."
  log "(do not use 'npx playwright install': its downloads are blocked here)"
  exit 1
}

case "${1:-path}" in
  path)
    ensure
    echo "$BROWSER"
    ;;
  version)
    ensure
    "$BROWSER" --version 2>/dev/null | head -n1
    ;;
  -h|--help|help)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    ;;
  *)
    log "unknown command: $1 (path | version)"
    exit 2
    ;;
esac
