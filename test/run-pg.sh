#!/bin/sh
# The vitest suite against a real PostgreSQL server (`npm run test:pg`): test/db.ts gives each test
# file a database of its own there. KEFU_TEST_DATABASE_URL names a role allowed to CREATE DATABASE;
# the default is what test/pg-setup.sh (run by .ci/run) creates. Extra arguments go to vitest.
set -eu
: "${KEFU_TEST_DATABASE_URL:=postgres://kefu:kefu@127.0.0.1:5432/kefu}"
# The role the app connects as, owning nothing (decision 0173); test/pg-setup.sh creates it.
: "${KEFU_TEST_APP_DATABASE_URL:=postgres://kefu_app:kefu_app@127.0.0.1:5432/kefu}"
export KEFU_TEST_DATABASE_URL KEFU_TEST_APP_DATABASE_URL
if ! psql "$KEFU_TEST_DATABASE_URL" -qtAc 'select 1' >/dev/null 2>&1; then
  echo "test:pg: no PostgreSQL at $KEFU_TEST_DATABASE_URL (run test/pg-setup.sh, or set KEFU_TEST_DATABASE_URL)" >&2
  # CI must run it; elsewhere a machine without the server skips it, loudly.
  if [ -n "${CI:-}" ]; then exit 1; fi
  echo "test:pg: SKIPPED" >&2
  exit 0
fi
start=$(date +%s)
status=0
npx vitest run "$@" || status=$?
echo "test:pg: suite on $(psql "$KEFU_TEST_DATABASE_URL" -qtAc 'show server_version') took $(( $(date +%s) - start )) s" >&2
exit $status
