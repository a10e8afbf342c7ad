#!/usr/bin/env bash
# Installs npm dependencies exactly as locked, once per lockfile: a stamp in node_modules remembers the lockfile's
# hash, so re-running the quick-start commands does not rebuild better-sqlite3 (~2 min) every time.
set -euo pipefail
cd "$(dirname "$0")/../.."
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.install-stamp 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "[install] npm ci (lockfile changed or first run)" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > node_modules/.install-stamp
fi
# The Prisma clients are generated code (gitignored): regenerate when the schema changes.
npm run -s db:generate >&2
