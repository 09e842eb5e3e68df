#!/usr/bin/env bash
# Starts Debian's PostgreSQL (package "postgresql", no pgvector) and creates the role and database
# the server test run uses: role kefu/kefu with CREATEDB, so each test file can make its own database.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main "; then as_root pg_createcluster "$version" main; fi
if ! pg_lsclusters -h | grep -q "^$version main .* online "; then as_root pg_ctlcluster "$version" main start; fi
as_postgres psql -qc "do \$\$ begin
  if not exists (select from pg_roles where rolname = 'kefu') then create role kefu login createdb password 'kefu'; end if;
end \$\$"
# The app's own role (decision 0173): it logs in and owns nothing; each test database's owner grants it.
as_postgres psql -qc "do \$\$ begin
  if not exists (select from pg_roles where rolname = 'kefu_app') then create role kefu_app login password 'kefu_app'; end if;
end \$\$"
# Dropping a test database "with (force)" ends any session still on it, which needs this role.
as_postgres psql -qc "grant pg_signal_backend to kefu"
as_postgres psql -tAc "select 1 from pg_database where datname = 'kefu'" | grep -q 1 || as_postgres createdb -O kefu kefu
echo "pg-setup: PostgreSQL $version on 127.0.0.1:5432, roles kefu (owner) and kefu_app (the app's, owns nothing)"
