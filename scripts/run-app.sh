#!/usr/bin/env bash
# Quick start, command A: install and run the app on embedded defaults (SQLite in ./data, the bundled registry)
# at http://localhost:3000. Any variable from README's configuration table can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/lib/ensure-node-modules.sh
npx tsx scripts/check-config.ts
npm run -s db:migrate
echo "[app] building (next build)…" >&2
npx next build >&2
echo "[app] http://localhost:${PORT:-3000}" >&2
exec npx next start -p "${PORT:-3000}"
