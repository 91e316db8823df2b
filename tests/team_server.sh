#!/usr/bin/env bash
# Start Debian's PostgreSQL on loopback for the team-mode tests and give them a login:
# role dtbench_test (superuser, password dtbench_test) on 127.0.0.1:5432, the default
# DTBENCH_TEST_PG of tests/conftest.py. Safe to run again. Run as root (the README: sudo).
set -euo pipefail
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 && break
    sleep 1
done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE dtbench_test' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dtbench_test')
\gexec
ALTER ROLE dtbench_test LOGIN SUPERUSER CREATEROLE CREATEDB PASSWORD 'dtbench_test';
SQL
echo "PostgreSQL $version on 127.0.0.1:5432, login dtbench_test"
