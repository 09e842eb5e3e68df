#!/bin/sh
# `npm test`: every tier runs and reports, whatever an earlier one did; the exit status is
# non-zero when any failed. A unit failure must not hide the LiveKit tier's result.
cd "$(dirname "$0")/.."
results=""
failed=0
step() {
  name="$1"
  shift
  echo "test: ── $name ──"
  status=0
  "$@" || status=$?
  if [ "$status" -eq 0 ]; then
    results="$results
  passed  $name"
  else
    # Above 128: killed by a signal (137 SIGKILL, often the out-of-memory killer; 143 SIGTERM).
    results="$results
  FAILED  $name (exit $status$([ "$status" -gt 128 ] && echo ", killed by SIG$(kill -l $((status - 128)))"))"
    failed=1
  fi
}

step "lint (biome)" npm run --silent lint
step "type-check" npm run --silent typecheck
# The CLI tests run bin/kefu.js, which runs the compiled dist/ only when it is current.
step "build" npm run --silent build
mkdir -p test-artifacts
unit_report=test-artifacts/test-unit-report.json
rm -f "$unit_report"
step "unit and integration (vitest, embedded PGlite)" npx vitest run --reporter=default --reporter=json --outputFile.json="$unit_report"
unit_status=$status
if npm run 2>/dev/null | grep -q '^  test:pg$'; then
  step "unit and integration on PostgreSQL (test:pg)" npm run --silent test:pg
  pg_status=$status
fi
step "LiveKit tier (test:e2e)" npm run --silent test:e2e

echo "test: summary$results"
# A CI log is often read from its tail: name the failed tests here, after the tiers.
if [ "$unit_status" -ne 0 ]; then node scripts/failed-tests.mjs "$unit_report" PGlite; fi
if [ "${pg_status:-0}" -ne 0 ]; then node scripts/failed-tests.mjs test-artifacts/test-pg-report.json PostgreSQL; fi
exit $failed
