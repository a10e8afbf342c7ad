#!/usr/bin/env bash
# Quick start, command B (and what .ci/run calls): install everything the tests need, start the real peers
# (Asterisk PBX + GSM-gateway simulator, PostgreSQL), then run the linter (Biome: format and lint) and every suite:
# unit, integration, Playwright. Every step runs even if an earlier one failed; the exit code and the last line say
# how it went (a lint failure counts as one failed test).
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
started=$(date +%s)
timed() {
  local name=$1 t0 rc
  shift
  t0=$(date +%s)
  "$@"
  rc=$?
  echo "$name $(($(date +%s) - t0))s rc=$rc" >>"$results/timings"
  return $rc
}

set -e
timed install-system bash scripts/lib/ensure-system-packages.sh
timed install-npm bash scripts/lib/ensure-node-modules.sh
peers_env=$(mktemp)
timed peers bash scripts/peers/peers.sh up > "$peers_env"
# shellcheck disable=SC1090
source "$peers_env"
set +e

timed lint npm run -s lint
echo $? > "$results/lint.rc"
timed unit npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
timed integration npx vitest run --project integration --reporter=default --reporter=json \
  --outputFile.json="$results/integration.json"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" timed e2e npx playwright test --reporter=list,json

echo
echo "Suite timings:"; sed 's/^/  /' "$results/timings"
echo "  total $(( $(date +%s) - started ))s"
node scripts/lib/summarise-results.mjs "$results"
