#!/usr/bin/env bash
# Runs the whole suite on SQLite, then again on PostgreSQL when it is reachable.
# With CI=true, PostgreSQL and Redis must be reachable: the run fails otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PG_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/sobha}
REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}

reachable() { # host port
  $PY -c "import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2)" "$1" "$2" 2>/dev/null
}
pg_up=0; reachable 127.0.0.1 5432 && pg_up=1
redis_up=0; reachable 127.0.0.1 6379 && redis_up=1
if [ "${CI:-}" = "true" ]; then
  [ $pg_up = 1 ] || { echo "CI: PostgreSQL at 127.0.0.1:5432 is not reachable"; exit 1; }
  [ $redis_up = 1 ] || { echo "CI: Redis at 127.0.0.1:6379 is not reachable"; exit 1; }
  export SOBHA_REQUIRE_SERVICES=1
fi

# The tests' Celery app and the worker they start share this broker.
[ $redis_up = 1 ] && export CELERY_BROKER_URL=$REDIS_URL

echo "== lint and the dependency contracts =="
.venv/bin/ruff check --quiet . || exit 1
.venv/bin/ruff format --check --quiet . || exit 1
.venv/bin/lint-imports --no-cache | grep -E "BROKEN|broken|kept" || exit 1

status=0
echo "== tests on SQLite =="
env -u DATABASE_URL $PY -m pytest "$@" || status=1
if [ $pg_up = 1 ]; then
  echo "== tests on PostgreSQL =="
  DATABASE_URL=$PG_URL $PY -m pytest "$@" || status=1
else
  echo "PostgreSQL not reachable: skipped the PostgreSQL run."
fi
exit $status
