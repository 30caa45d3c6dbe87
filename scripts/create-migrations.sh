#!/usr/bin/env bash
# Creates a migration for each SQL adapter after a schema change: scripts/create-migrations.sh <name>
# Needs a PostgreSQL server for the postgres one (PG_URI, default a local server as CI starts it).
set -euo pipefail
name=${1:?usage: scripts/create-migrations.sh <name>}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DATABASE_URI="file:$tmp/migrations.db" npx payload migrate:create "$name" </dev/null
DATABASE_URI="${PG_URI:-postgres://postgres:postgres@127.0.0.1:5432/postgres}" npx payload migrate:create "$name" </dev/null
ls migrations/sqlite migrations/postgres
