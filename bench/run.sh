#!/usr/bin/env bash
# `npm run bench`: every benchmark, each printing its figures.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in bench/*.ts; do
  case "$script" in bench/lib.ts) continue ;; esac
  echo "== $script"
  node --import tsx "$script"
done
