# Shared constants and helpers for peers.sh. Sourced, not executed.
# Everything lives OUTSIDE the repo so a `git clean` never costs a 3-minute debootstrap.
PEERS_CACHE=${PEERS_CACHE:-/var/cache/b24-carrier-calls}
CHROOT=$PEERS_CACHE/sid
RUN_DIR=$PEERS_CACHE/run
LOCK_FILE=$PEERS_CACHE/.lock
PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONF_SRC=$PEERS_DIR/asterisk
# start order: the gateways must be up before a PBX qualifies them
INSTANCES=(gw pbx gwiax fpbx)
# `peers.sh up freepbx` starts only the FreePBX-shaped profile (it needs the gateway simulator `gw` already up)
FREEPBX_INSTANCES=(gwiax fpbx)
INST_BASE=/opt/b24cc        # inside the chroot
GATEWAYS=(beeline megafon mts hr1 hr2)

# Fixed test credentials: loopback-only instances, never used outside the test harness.
PBX_AMI_PORT=25038
PBX_AMI_USER=app
PBX_AMI_SECRET=b24cc-test-ami-secret
GW_AMI_PORT=25039
GW_AMI_USER=gw
GW_AMI_SECRET=b24cc-test-gw-secret
PBX_SIP=127.0.0.1:15060
# The FreePBX-shaped PBX (fpbx) and the gateway simulator's IAX2 side (gwiax). Clear of 25040-25049, 15070-15079,
# 4570-4579 and RTP 22000-22199, which other checks use.
FPBX_AMI_PORT=25138
FPBX_AMI_USER=b24app
FPBX_AMI_SECRET=b24cc-test-freepbx-secret
FPBX_SIP_PORT=15160
FPBX_IAX_PORT=24570
GWIAX_PORT=24569
GWIAX_SIP_PORT=15161
GWIAX_SECRET=b24cc-test-iax-secret
FPBX_TRUNKS=(Beeline-GoIP MTS-GoIP HR1-GoIP HR2-GoIP)
PHONES_SIP=127.0.0.20:15070
GW_CALL_LOG_IN_CHROOT=$INST_BASE/gw/log/calls.jsonl
TEST_PG_URL=postgresql://b24:b24@127.0.0.1:5432/b24_test

# Gateway name -> "address:port" on the simulator (index-aligned with GATEWAYS).
gateway_sip() {
  local i
  for i in "${!GATEWAYS[@]}"; do
    [ "${GATEWAYS[$i]}" = "$1" ] && { echo "127.0.0.$((11 + i)):$((15061 + i))"; return 0; }
  done
  return 1
}

# stdout is reserved for `export` lines (eval'ed by the caller); everything human goes to stderr.
PEERS_T0=$(date +%s%3N)
log() { echo "peers [+$(( $(date +%s%3N) - PEERS_T0 )) ms]: $*" >&2; }
die() { echo "peers: ERROR: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

require_root() { [ "$(id -u)" = 0 ] || die "must run as root (chroot, mount, pg_ctlcluster)"; }

# Serialise concurrent runs (two test shells calling `up` at once must not both debootstrap or start instances).
take_lock() {
  mkdir -p "$PEERS_CACHE"
  exec 9>"$LOCK_FILE"
  flock -w 900 9 || die "another peers.sh holds $LOCK_FILE"
}
