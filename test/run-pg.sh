#!/bin/sh
# The vitest suite against a real PostgreSQL server (`npm run test:pg`): test/db.ts gives each test
# file a database of its own there. KEFU_TEST_DATABASE_URL names a role allowed to CREATE DATABASE;
# the default is what test/pg-setup.sh (run by .ci/run) creates. Extra arguments go to vitest.
#
# A failure says what happened. vitest prints its summary only when it finishes its run: killed
# (the out-of-memory killer, a CI time limit) or stopped by an error outside any test, it ends
# without one, and so does a lost server. So the run also writes vitest's JSON report, and the
# server's start time and free connections are read before and after; the last line names the case.
set -eu
: "${KEFU_TEST_DATABASE_URL:=postgres://kefu:kefu@127.0.0.1:5432/kefu}"
# The role the app connects as, owning nothing (decision 0173); test/pg-setup.sh creates it.
: "${KEFU_TEST_APP_DATABASE_URL:=postgres://kefu_app:kefu_app@127.0.0.1:5432/kefu}"
export KEFU_TEST_DATABASE_URL KEFU_TEST_APP_DATABASE_URL
ask() { psql "$KEFU_TEST_DATABASE_URL" -qtAc "$1" 2>/dev/null; }
if ! ask 'select 1' >/dev/null; then
  echo "test:pg: no PostgreSQL at $KEFU_TEST_DATABASE_URL (run test/pg-setup.sh, or set KEFU_TEST_DATABASE_URL)" >&2
  # CI must run it; elsewhere a machine without the server skips it, loudly.
  if [ -n "${CI:-}" ]; then exit 1; fi
  echo "test:pg: SKIPPED" >&2
  exit 0
fi
# Two files at a time, each with a pool of 10 and an admin connection, plus the CLI's servers.
need=30
server_started=$(ask 'select pg_postmaster_start_time()') || true
free=$(ask "select current_setting('max_connections')::int - count(*) from pg_stat_activity") || true
if [ -n "$free" ] && [ "$free" -lt "$need" ]; then
  echo "test:pg: warning: only $free connections free on the server (the suite wants about $need): another suite on this server can exhaust it ('too many clients')" >&2
fi

mkdir -p test-artifacts
report=test-artifacts/test-pg-report.json
rm -f "$report"
start=$(date +%s)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
took=$(($(date +%s) - start))

fail() {
  echo "test:pg: FAILED after $took s (exit $status): $*" >&2
  exit "$status"
}
if [ "$status" -eq 0 ]; then
  echo "test:pg: passed on $(ask 'show server_version') in $took s" >&2
  exit 0
fi
if ! ask 'select 1' >/dev/null; then
  fail "the PostgreSQL server at $KEFU_TEST_DATABASE_URL stopped answering during the run; its log (pg_lsclusters names it) says why. Start it (test/pg-setup.sh) and run again."
fi
server_now=$(ask 'select pg_postmaster_start_time()') || true
if [ "$server_now" != "$server_started" ]; then
  fail "the PostgreSQL server restarted during the run (up since $server_started, now since $server_now), so tests lost their connections; its log (pg_lsclusters names it) says why. Run again."
fi
if [ "$status" -gt 128 ]; then
  signal=$(kill -l $((status - 128)) 2>/dev/null || echo "$((status - 128))")
  case "$signal" in
  KILL) why="SIGKILL, sent from outside: most often the kernel's out-of-memory killer (dmesg or journalctl -k shows 'Out of memory: Killed process'). Run fewer suites at once on this machine, or npm run test:pg -- --maxWorkers=1" ;;
  TERM | INT | HUP) why="SIG$signal: something stopped it (a CI time limit, Ctrl-C, a closed terminal). Run again with time to finish" ;;
  *) why="SIG$signal: vitest itself crashed. Run again; if it repeats, run the file it was on alone" ;;
  esac
  fail "vitest was killed by $why. It had no chance to print its summary or the JSON report; the files it finished are listed above."
fi
counts=$(node -e '
  const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  console.log(r.numFailedTests, r.numFailedTestSuites, r.numPassedTests, r.numTotalTests);
' "$report" 2>/dev/null) || counts=''
if [ -z "$counts" ]; then
  fail "vitest stopped before the end of its run, so there is no summary and no readable $report: an error outside any test ended it (look above for 'Unhandled Rejection', 'Startup Error' or 'Error:'). Fix that error; the tests themselves did not fail."
fi
set -- $counts
if [ "$1" -eq 0 ] && [ "$2" -eq 0 ]; then
  fail "no test failed ($3 of $4 passed), but vitest reported an error outside them (a worker that exited unexpectedly, an unhandled rejection or a timeout starting or stopping a worker: see 'Unhandled Errors' above). Run again; if it repeats, fix that error."
fi
fail "$1 of $4 tests failed ($2 failed files or suites); see the failures above ($report has them too)."
