#!/usr/bin/env bash
# The README promises that a production install runs: `npm ci --omit=dev && npm start`. This copies
# the working tree (tracked and untracked files, not ignored ones) to a scratch directory, installs
# runtime dependencies only, starts the server as `npm start` does, and checks the health endpoint,
# the portal home and the admin login answer. A runtime import left under devDependencies fails here.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/sitegroup-prod-XXXXXX)
port=${PROD_CHECK_PORT:-3997}
log="$work.log"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -- "-$server_pid" 2>/dev/null || kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$work"
(cd "$work" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
# typescript arrives anyway as a peer of Payload's packages; these three are ours alone.
if [ -d "$work/node_modules/vitest" ] || [ -d "$work/node_modules/eslint" ] || [ -d "$work/node_modules/playwright-core" ]; then
  echo "development packages were installed by --omit=dev" >&2
  exit 1
fi

echo "starting the production install on port $port (log: $log)"
# Its own process group (setsid keeps this pid when started in the background), so cleanup stops
# npm, node and the build it may still be running, not only the first process.
DATA_DIR="$work/data" PORT=$port NEXT_TELEMETRY_DISABLED=1 setsid bash -c 'cd "$1" && exec npm start -- --articles 100' _ "$work" >"$log" 2>&1 &
server_pid=$!

# next build (about 2 minutes on two cores) and seeding come first; give them 15 minutes.
deadline=$((SECONDS + 900))
until curl -fsS -o /dev/null "http://localhost:$port/healthz" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    tail -n 40 "$log" >&2
    echo "npm start exited before the server answered" >&2
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    tail -n 40 "$log" >&2
    echo "the server did not answer /healthz within 15 minutes" >&2
    exit 1
  fi
  sleep 3
done

for path in / /admin/login; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port$path")
  if [ "$status" != 200 ]; then
    tail -n 40 "$log" >&2
    echo "GET $path answered $status on the production install" >&2
    exit 1
  fi
  echo "GET $path → 200"
done
echo "npm ci --omit=dev && npm start: the server runs"
rm -f "$log"
