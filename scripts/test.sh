#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. Reports land in reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# Each step says when it starts, in seconds since `npm test` began, so slow steps show in CI's log.
step() { echo "— $1 (at ${SECONDS}s)"; }

bash scripts/ensure-tools.sh
step "type check"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "format (Prettier; npm run format fixes it)"; npx prettier --check . --log-level warn
step "unit tests (emulator, cloud client, data layer on SQLite and PostgreSQL)"; npm run --silent test:unit
step "build"; AUTH_SECRET="${AUTH_SECRET:-build-only-secret-build-only-secret-xx}" npx next build
step "end-to-end tests (Chromium; readings A and B of the disputed behaviours)"
status=0
npm run --silent test:e2e || status=$?
step "RELIABILITY.md from the reports"; node scripts/reliability.mjs || true
echo "— done in ${SECONDS}s"
exit "$status"
