# The Asterisk instances (gw, pbx; the FreePBX-shaped fpbx with gwiax) running from one chroot. Sourced by peers.sh.

inst_dir() { echo "$CHROOT$INST_BASE/$1"; }                 # host path
inst_conf() { echo "$INST_BASE/$1/etc/asterisk.conf"; }     # path inside the chroot
conf_src_dir() { [ "$1" = fpbx ] && echo freepbx || echo "$1"; }

# Fill the @@NAME@@ placeholders. Pure bash: spawning sed per file cost ~2 s on a loaded 2-core machine.
render_config() {
  local text name
  text=$(<"$1")
  for name in PBX_AMI_PORT PBX_AMI_USER PBX_AMI_SECRET GW_AMI_PORT GW_AMI_USER GW_AMI_SECRET FPBX_AMI_PORT \
    FPBX_AMI_USER FPBX_AMI_SECRET FPBX_SIP_PORT FPBX_IAX_PORT GWIAX_PORT GWIAX_SIP_PORT GWIAX_SECRET; do
    text=${text//@@$name@@/${!name}}
  done
  text=${text//@@GW_CALL_LOG@@/$GW_CALL_LOG_IN_CHROOT}
  printf '%s\n' "$text"
}

# Render the committed configs into the instance tree. Cheap, so it runs on every `up`.
generate_instance() {
  local inst=$1 dir f
  dir=$(inst_dir "$inst")
  mkdir -p "$dir"/{db,run,cache,log/cdr-csv,spool/outgoing,spool/monitor,spool/tmp}
  rm -rf "$dir/etc" && mkdir -p "$dir/etc"
  for f in "$CONF_SRC"/common/*.conf "$CONF_SRC/$(conf_src_dir "$inst")"/*.conf; do
    render_config "$f" >"$dir/etc/${f##*/}"
  done
  # the product's desk-phone routing snippet, as shipped (extensions.conf #includes it)
  [ "$inst" = pbx ] && cp "$PEERS_DIR/../../lib/asterisk/dialplan/desk-phone-routing.conf" "$dir/etc/"
  # "[directories]", NOT Debian's "[directories](!)": a template section is silently ignored and the
  # instance would fall back to /etc/asterisk and /var/run/asterisk.
  cat >"$dir/etc/asterisk.conf" <<EOC
[directories]
astetcdir => $INST_BASE/$inst/etc
astmoddir => /usr/lib/x86_64-linux-gnu/asterisk/modules
astvarlibdir => /var/lib/asterisk
astdbdir => $INST_BASE/$inst/db
astkeydir => /var/lib/asterisk
astdatadir => /usr/share/asterisk
astagidir => /usr/share/asterisk/agi-bin
astspooldir => $INST_BASE/$inst/spool
astrundir => $INST_BASE/$inst/run
astlogdir => $INST_BASE/$inst/log
astcachedir => $INST_BASE/$inst/cache
astsbindir => /usr/sbin
[options]
documentation_language = en_US
; dialplan steps in log/messages.log: the first thing to read when a test call goes wrong
verbose = 3
; prefixes auto-generated Uniqueids (pbx-1700000000.1), keeping them unique across PBXes
systemname = $inst
EOC
  # FILE(...,a) appends but never creates: the gateway call log must exist before the first call
  [ "$inst" = gw ] && touch "$CHROOT$GW_CALL_LOG_IN_CHROOT"
  # the daemon runs as 'asterisk' inside the chroot and must write db/run/log/spool/cache
  chroot "$CHROOT" chown -R asterisk:asterisk "$INST_BASE/$inst"
}

config_hash() { (cd "$(inst_dir "$1")/etc" && cat $(ls | sort) | sha256sum | cut -c1-16); }

# Pid of the running instance, or nothing. Asterisk's own pid file is checked against /proc so a stale file
# (after a crash or reboot, pid reused) never counts as "running".
instance_pid() {
  local inst=$1 pid
  pid=$(cat "$(inst_dir "$inst")/run/asterisk.pid" 2>/dev/null) || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q -- "-C $(inst_conf "$inst")" && echo "$pid"
  return 0
}

ast_cli() { chroot "$CHROOT" /usr/sbin/asterisk -C "$(inst_conf "$1")" -rx "$2"; }

is_booted() {
  timeout 3 chroot "$CHROOT" /usr/sbin/asterisk -C "$(inst_conf "$1")" -rx 'core waitfullybooted' >/dev/null 2>&1
}

start_instance() {
  local inst=$1 pid t0 i
  mount_proc
  mkdir -p "$RUN_DIR"
  t0=$(now_ms)
  # setsid + no inherited stdout: the daemon must outlive `npm run` and must not hold the $(...) pipe open;
  # 9>&- : nor may it inherit the flock fd, or every later `up` would wait for the lock forever
  setsid chroot "$CHROOT" /usr/sbin/asterisk -C "$(inst_conf "$inst")" -f -U asterisk -G asterisk -n \
    </dev/null >"$RUN_DIR/$inst.console.log" 2>&1 9>&- &
  pid=$!
  for ((i = 0; i < 400; i++)); do
    kill -0 "$pid" 2>/dev/null || die "$inst exited during boot: $(tail -5 "$RUN_DIR/$inst.console.log")"
    if is_booted "$inst"; then
      config_hash "$inst" >"$RUN_DIR/$inst.config-sha"
      echo "$(( $(now_ms) - t0 ))" >"$RUN_DIR/$inst.boot-ms"
      log "$inst fully booted in $(cat "$RUN_DIR/$inst.boot-ms") ms (pid $pid)"
      return 0
    fi
    sleep 0.05
  done
  die "$inst did not reach FullyBooted in 20 s; see $RUN_DIR/$inst.console.log"
}

stop_instance() {
  local inst=$1 pid i
  pid=$(instance_pid "$inst")
  [ -n "$pid" ] || { log "$inst not running"; return 0; }
  timeout 5 chroot "$CHROOT" /usr/sbin/asterisk -C "$(inst_conf "$inst")" -rx 'core stop now' >/dev/null 2>&1
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then log "$inst ignored 'core stop now', sending TERM"; kill "$pid"; sleep 1; fi
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$RUN_DIR/$inst.config-sha"
  log "$inst stopped (pid $pid)"
}

# Start if down, restart if its generated config changed since it started, otherwise leave it alone.
ensure_instance() {
  local inst=$1 pid
  generate_instance "$inst"
  pid=$(instance_pid "$inst")
  if [ -n "$pid" ] && [ "$(config_hash "$inst")" = "$(cat "$RUN_DIR/$inst.config-sha" 2>/dev/null)" ] &&
    is_booted "$inst"; then
    log "$inst already running (pid $pid), config unchanged"
    return 0
  fi
  [ -n "$pid" ] && { log "$inst config changed (or unhealthy): restarting"; stop_instance "$inst"; }
  start_instance "$inst"
}

# Count gateway trunks the PBX currently sees as reachable (qualify OPTIONS answered).
gateways_avail() {
  ast_cli pbx 'pjsip show contacts' 2>/dev/null | grep -cE '^\s*Contact:\s+gw_[a-z0-9]+/.*\sAvail\s' || true
}

# The FreePBX-shaped PBX's PJSIP trunks reachable, plus 1 when its IAX2 trunk answers qualify.
freepbx_trunks_avail() {
  local sip iax
  sip=$(ast_cli fpbx 'pjsip show contacts' 2>/dev/null |
    grep -cE '^\s*Contact:\s+[A-Za-z0-9]+-GoIP/.*\sAvail\s' || true)
  iax=$(ast_cli fpbx 'iax2 show peers' 2>/dev/null | grep -cE '^MegaFon-IAX[/ ].*\sOK\s' || true)
  echo $((sip + iax))
}

wait_freepbx_trunks() {
  local n=0 want=$((${#FPBX_TRUNKS[@]} + 1)) trunk deadline=$(($(now_ms) + 15000))
  [ "$(freepbx_trunks_avail)" -ge "$want" ] ||
    for trunk in "${FPBX_TRUNKS[@]}"; do ast_cli fpbx "pjsip qualify $trunk" >/dev/null 2>&1 || true; done
  # bounded by time: each round is two CLI calls
  while [ "$(now_ms)" -lt "$deadline" ]; do
    n=$(freepbx_trunks_avail)
    [ "$n" -ge "$want" ] && { log "FreePBX-shaped PBX sees $n/$want trunks reachable"; return 0; }
    sleep 0.1
  done
  die "FreePBX-shaped PBX sees only $n/$want trunks after 15 s; try: peers.sh cli fpbx 'pjsip show contacts'"
}

wait_gateways() {
  local i n=0 gw
  # the first scheduled qualify comes up to qualify_frequency later: ask for it now instead of waiting
  [ "$(gateways_avail)" -ge "${#GATEWAYS[@]}" ] ||
    for gw in "${GATEWAYS[@]}"; do ast_cli pbx "pjsip qualify gw_$gw" >/dev/null 2>&1 || true; done
  for ((i = 0; i < 150; i++)); do
    n=$(gateways_avail)
    [ "$n" -ge "${#GATEWAYS[@]}" ] && { log "PBX sees $n/${#GATEWAYS[@]} gateways Avail"; return 0; }
    sleep 0.1
  done
  die "PBX sees only $n/${#GATEWAYS[@]} gateways Avail after 15 s; try: peers.sh cli pbx 'pjsip show contacts'"
}
