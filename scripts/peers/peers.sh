#!/usr/bin/env bash
# Real test peers for integration tests: Asterisk 22 instances (the PBX under test, a FreePBX-shaped PBX, a
# GSM-gateway/desk-phone simulator and its IAX2 side) in a cached Debian sid chroot, plus PostgreSQL. Loopback only.
#
#   peers.sh up [freepbx]  start what is not running; prints ONLY `export NAME=value` lines on stdout:
#                            eval "$(npm run -s peers -- up)"      (freepbx: only that profile, gw must be up)
#   peers.sh down [--all|freepbx]  stop the Asterisk instances (--all: PostgreSQL too; freepbx: only that profile)
#   peers.sh status        short table; exit code 1 if anything is down
#   peers.sh env           the export lines, without starting anything
#   peers.sh cli pbx|gw|fpbx|gwiax "pjsip show contacts"
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib/common.sh"
source "$HERE/lib/chroot.sh"
source "$HERE/lib/instances.sh"
source "$HERE/lib/postgres.sh"
source "$HERE/lib/status.sh"

cmd_up() {
  local t0 inst
  t0=$(now_ms)
  require_root
  take_lock
  ensure_chroot
  mount_proc
  ensure_recording_sender
  mkdir -p "$RUN_DIR"
  if [ "${1:-}" = freepbx ]; then
    [ -n "$(instance_pid gw)" ] || die "the gateway simulator (gw) is not running: peers.sh up"
    for inst in "${FREEPBX_INSTANCES[@]}"; do ensure_instance "$inst"; done
    wait_freepbx_trunks
    log "freepbx profile up in $(( $(now_ms) - t0 )) ms"
    print_env
    return 0
  fi
  [ -z "${1:-}" ] || die "usage: peers.sh up [freepbx]"
  for inst in "${INSTANCES[@]}"; do ensure_instance "$inst"; done
  clear_gateway_faults
  wait_gateways
  wait_freepbx_trunks
  ensure_postgres
  log "up in $(( $(now_ms) - t0 )) ms"
  print_env
}

# Faults a test switched on and did not switch off (it crashed): every gateway answers normally again.
clear_gateway_faults() {
  local last
  for last in 11 12 13 14 15; do ip route del blackhole "127.0.0.$last/32" table local 2>/dev/null || true; done
  ast_cli gw 'database deltree gwfault' >/dev/null 2>&1 || true
}

cmd_down() {
  require_root
  take_lock
  local inst list=("${INSTANCES[@]}")
  [ "${1:-}" = freepbx ] && list=("${FREEPBX_INSTANCES[@]}")
  # all at once: each takes 1-2 s to shut down cleanly
  if chroot_is_complete; then
    for inst in "${list[@]}"; do stop_instance "$inst" & done
    wait
  fi
  if [ "${1:-}" = --all ]; then
    stop_postgres
    mountpoint -q "$CHROOT/proc" && umount "$CHROOT/proc" && log "unmounted $CHROOT/proc"
  fi
  return 0
}

cmd_cli() {
  local inst=${1:-} command=${2:-}
  [[ "$inst" =~ ^(pbx|gw|fpbx|gwiax)$ ]] && [ -n "$command" ] ||
    die 'usage: peers.sh cli pbx|gw|fpbx|gwiax "<asterisk CLI command>"'
  [ -n "$(instance_pid "$inst")" ] || die "$inst is not running (peers.sh up)"
  ast_cli "$inst" "$command"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  status) chroot_is_complete || die "no chroot at $CHROOT (peers.sh up builds it)"; print_status ;;
  env) print_env ;;
  cli) shift; cmd_cli "$@" ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
