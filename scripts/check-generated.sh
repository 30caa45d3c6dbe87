#!/usr/bin/env bash
# Fails when what Payload generates from the config is out of date: the types (payload-types.ts),
# the admin import map, or a migration (a schema change with no migration for SQLite or PostgreSQL).
# CI runs it (.ci/run); PostgreSQL is checked when PG_URI or a local server answers. The tree is left
# as it was found.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
probe=uptodate_check
generated=(payload-types.ts 'src/app/(payload)/admin/importMap.js' migrations/sqlite/index.ts migrations/postgres/index.ts)
for file in "${generated[@]}"; do mkdir -p "$tmp/before/$(dirname "$file")"; cp "$file" "$tmp/before/$file"; done
restore() {
  for file in "${generated[@]}"; do cp "$tmp/before/$file" "$file"; done
  rm -f migrations/*/*_"$probe".*
  rm -rf "$tmp"
}
trap restore EXIT
failed=0
export PAYLOAD_SECRET=${PAYLOAD_SECRET:-check-generated} JOBS_AUTORUN=false LOG_LEVEL=warn

npx payload generate:types >/dev/null
npx payload generate:importmap >/dev/null
for file in payload-types.ts 'src/app/(payload)/admin/importMap.js'; do
  if ! cmp -s "$file" "$tmp/before/$file"; then
    echo "Out of date: $file (npm run generate:types / npm run generate:importmap, then commit it)"
    diff -u "$tmp/before/$file" "$file" | head -20 || true
    failed=1
  fi
done

# migrate:create writes a migration even when nothing changed (its --skip-empty did not skip here):
# one whose up() runs no statement means the committed migrations already describe the schema.
check_migrations() { # $1 adapter folder, $2 database URI
  DATABASE_URI="$2" npx payload migrate:create "$probe" --force-accept-warning </dev/null >"$tmp/$1.log" 2>&1 || { cat "$tmp/$1.log"; failed=1; return; }
  local created
  created=$(compgen -G "migrations/$1/*_$probe.ts" | head -n1 || true)
  if [ -n "$created" ] && grep -qE 'db\.(run|execute)\(' "$created"; then
    echo "The schema changed without a migration for $1 (scripts/create-migrations.sh <name>); it would need:"
    grep -E 'sql`' "$created" | head -10
    failed=1
  fi
}
check_migrations sqlite "file:$tmp/check.db"
pg_uri=${PG_URI:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
if command -v pg_isready >/dev/null && pg_isready -q -d "$pg_uri" 2>/dev/null; then
  check_migrations postgres "$pg_uri"
else
  echo "PostgreSQL not reachable at $pg_uri: its migrations were not checked."
fi
[ "$failed" = 0 ] && echo "Generated types, import map and migrations are up to date."
exit "$failed"
