#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. Reports land in reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-tools.sh
echo "— type check"; npm run --silent typecheck
echo "— lint"; npm run --silent lint
echo "— unit tests (emulator, cloud client, data layer on SQLite and PostgreSQL)"; npm run --silent test:unit
echo "— build"; AUTH_SECRET="${AUTH_SECRET:-build-only-secret-build-only-secret-xx}" npx next build
echo "— end-to-end tests (Chromium)"
status=0
npm run --silent test:e2e || status=$?
echo "— RELIABILITY.md from the reports"; node scripts/reliability.mjs || true
exit "$status"
