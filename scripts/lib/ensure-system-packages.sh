#!/usr/bin/env bash
# Debian packages the test suites need: Chromium for Playwright (never a downloaded browser), debootstrap for the
# Asterisk chroot, PostgreSQL 15, lame (the recording sender's mp3 case). Installed only when missing.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v lame >/dev/null || missing+=(lame)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[install] apt-get install ${missing[*]}" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >&2
fi
