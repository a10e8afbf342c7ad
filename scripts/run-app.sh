#!/usr/bin/env bash
# Quick start, command A: install and run the app on embedded defaults (SQLite in ./data, the bundled registry)
# at http://localhost:3000. Any variable from README's configuration table can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/lib/ensure-node-modules.sh
npx tsx scripts/check-config.ts
npm run -s db:migrate
# Build only when a source changed since the last build (.next/BUILD_ID is written at the end of a build).
newer=""
if [ -f .next/BUILD_ID ] && [ -f .next/dialplan-process.mjs ]; then
  newer=$(find app components lib public scripts instrumentation.ts next.config.js postcss.config.mjs tsconfig.json \
    package-lock.json -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)
fi
if [ ! -f .next/BUILD_ID ] || [ ! -f .next/dialplan-process.mjs ] || [ -n "$newer" ]; then
  echo "[app] building (npm run build)…" >&2
  npm run -s build >&2
else
  echo "[app] build is up to date" >&2
fi
# Loopback by default: put a TLS reverse proxy in front for Bitrix24, or set HOST=0.0.0.0 deliberately.
echo "[app] http://localhost:${PORT:-3000} (listening on ${HOST:-127.0.0.1})" >&2
# Under a supervisor that starts the server again if it dies (systemd does this in production: deploy/).
exec node scripts/supervise.mjs node_modules/.bin/next start -p "${PORT:-3000}" -H "${HOST:-127.0.0.1}"
