#!/usr/bin/env bash
# `npm run bench`: every benchmark, each printing its figures. Scripts that import console code run
# with the react-server condition, under which `server-only` is a no-op (as inside Next's server).
set -euo pipefail
cd "$(dirname "$0")/.."
for script in bench/*.ts; do
  # lib.ts is shared code; a *-worker.ts is an instance that its bench starts itself.
  case "$script" in bench/lib.ts | bench/*-worker.ts) continue ;; esac
  echo "== $script"
  if grep -q 'startConsole' "$script" && [ ! -f .next/BUILD_ID ]; then
    echo "skipped: it runs the built console; build it first (npm run build)"
    continue
  fi
  if grep -q '"@/lib/' "$script"; then
    node --conditions react-server --import tsx "$script"
  else
    node --import tsx "$script"
  fi
done
