#!/usr/bin/env bash
# Start a PostgreSQL server of its own for the team-mode tests and give them a login: Debian's
# PostgreSQL, a cluster named dtbench_test on 127.0.0.1:5433 (the default DTBENCH_TEST_PG of
# tests/pg.py), role dtbench_test (superuser, password dtbench_test). Its own cluster, so that
# it can be a throwaway one: nothing in it is kept across a crash (fsync off), which makes
# the hundreds of databases the tests create and drop cheap, and no other cluster of the
# machine is touched. Safe to run again. Run as root (the README: sudo).
set -euo pipefail
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
cluster=dtbench_test
port=5433
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {f = 1} END {exit !f}'; then
    pg_createcluster "$version" "$cluster" -p "$port" >/dev/null
fi
configured="$(pg_conftool -s "$version" "$cluster" show port)"
if [ "$configured" != "$port" ]; then
    echo "cluster $version/$cluster listens on port $configured, not $port: drop it" \
        "(pg_dropcluster --stop $version $cluster) and run this again" >&2
    exit 1
fi
# the settings of a throwaway server, in a file of their own (Debian's postgresql.conf reads
# conf.d); a cluster made by an earlier version of this script gets them too
conf="/etc/postgresql/$version/$cluster/conf.d"
mkdir -p "$conf"
cat > "$conf/dtbench_test.conf" <<'CONF'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
pg_conftool "$version" "$cluster" remove listen_addresses 2>/dev/null || true
if pg_ctlcluster "$version" "$cluster" status >/dev/null 2>&1; then
    pg_ctlcluster "$version" "$cluster" reload
else
    pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
done
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE dtbench_test' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dtbench_test')
\gexec
ALTER ROLE dtbench_test LOGIN SUPERUSER CREATEROLE CREATEDB PASSWORD 'dtbench_test';
SQL
echo "PostgreSQL $version (cluster $cluster) on 127.0.0.1:$port, login dtbench_test"
