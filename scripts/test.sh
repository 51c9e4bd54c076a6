#!/usr/bin/env bash
# `npm test`: every check CI runs, in order of cost. Reports land in reports/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-tools.sh
echo "— type check"; npm run --silent typecheck
echo "— lint"; npm run --silent lint
echo "— unit tests"; npm run --silent test:unit
