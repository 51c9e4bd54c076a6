#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. Reports land in reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each step says when it starts, in seconds since `npm test` began, so slow steps show in CI's log.
step() { echo "— $1 (at ${SECONDS}s)"; }

# The static checks are independent and each mostly single-threaded: run them side by side, then print
# what each said, in order, and fail if any failed.
static_checks() {
  local dir; dir=$(mktemp -d)
  local names=("type check" "lint" "format (Prettier; npm run format fixes it)")
  npm run --silent typecheck >"$dir/0" 2>&1 & local p0=$!
  npm run --silent lint >"$dir/1" 2>&1 & local p1=$!
  npx prettier --check . --log-level warn >"$dir/2" 2>&1 & local p2=$!
  local failed=0 i=0
  for pid in $p0 $p1 $p2; do
    local rc=0; wait "$pid" || rc=$?
    echo "— ${names[$i]}: $([ "$rc" -eq 0 ] && echo ok || echo FAILED) (at ${SECONDS}s)"
    cat "$dir/$i"
    [ "$rc" -eq 0 ] || failed=1
    i=$((i + 1))
  done
  rm -rf "$dir"
  return "$failed"
}

bash scripts/ensure-tools.sh
step "type check, lint and format, side by side"; static_checks
# The production build (for the end-to-end tests) runs beside the unit tests; its output follows theirs.
step "build, in the background"
build_log=$(mktemp)
# The type check above passed (it stops here if not), so the build does not type-check the same files again.
IMSHARE_TYPES_CHECKED=1 AUTH_SECRET="${AUTH_SECRET:-build-only-secret-build-only-secret-xx}" npx next build >"$build_log" 2>&1 &
build_pid=$!
step "unit tests (emulator, cloud client, data layer on SQLite and PostgreSQL)"
unit_status=0
npm run --silent test:unit || unit_status=$?
build_status=0
wait "$build_pid" || build_status=$?
step "build: $([ "$build_status" -eq 0 ] && echo done || echo FAILED)"
cat "$build_log"
rm -f "$build_log"
[ "$unit_status" -eq 0 ] || exit "$unit_status"
[ "$build_status" -eq 0 ] || exit "$build_status"
step "end-to-end tests (Chromium; readings A and B of the disputed behaviours)"
status=0
npm run --silent test:e2e || status=$?
step "RELIABILITY.md from the reports"; node scripts/reliability.mjs || true
echo "— done in ${SECONDS}s"
exit "$status"
