# `peers.sh status` and the `export` lines of `peers.sh up`. Sourced by peers.sh.

# Does the AMI port greet us? (bash /dev/tcp: no extra client needed)
ami_reachable() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c 22 <&3" 2>/dev/null | grep -q 'Asterisk Call Manager'
}

print_status() {
  local inst pid booted ami port gws rc=0 boot_ms
  printf '%-5s %-8s %-7s %-12s %-10s %s\n' INST PID BOOTED AMI GATEWAYS BOOT_MS >&2
  for inst in "${INSTANCES[@]}"; do
    pid=$(instance_pid "$inst"); booted=no; ami=down; gws=-
    case $inst in pbx) port=$PBX_AMI_PORT ;; gw) port=$GW_AMI_PORT ;; fpbx) port=$FPBX_AMI_PORT ;; *) port= ;; esac
    [ -n "$pid" ] && is_booted "$inst" && booted=yes
    # gwiax has no AMI: the IAX2 side of the gateway simulator is driven through gw
    if [ -z "$port" ]; then ami=none; elif ami_reachable "$port"; then ami="up:$port"; fi
    if [ "$inst" = pbx ] && [ "$booted" = yes ]; then
      gws="$(gateways_avail)/${#GATEWAYS[@]}"
      [ "${gws%/*}" -ge "${#GATEWAYS[@]}" ] || rc=1
    fi
    if [ "$inst" = fpbx ] && [ "$booted" = yes ]; then
      gws="$(freepbx_trunks_avail)/$((${#FPBX_TRUNKS[@]} + 1))"
      [ "${gws%/*}" -ge "$((${#FPBX_TRUNKS[@]} + 1))" ] || rc=1
    fi
    boot_ms=$(cat "$RUN_DIR/$inst.boot-ms" 2>/dev/null || echo -)
    printf '%-5s %-8s %-7s %-12s %-10s %s\n' "$inst" "${pid:--}" "$booted" "$ami" "$gws" "$boot_ms" >&2
    [ "$booted" = yes ] && [ "$ami" != down ] || rc=1
  done
  if pg_is_running; then echo "postgresql $PG_VERSION/$PG_CLUSTER online ($TEST_PG_URL)" >&2
  else echo "postgresql $PG_VERSION/$PG_CLUSTER down" >&2; rc=1; fi
  return $rc
}

print_env() {
  local gw upper
  cat <<EOV
export AMI_HOST=127.0.0.1
export AMI_PORT=$PBX_AMI_PORT
export AMI_USER=$PBX_AMI_USER
export AMI_SECRET=$PBX_AMI_SECRET
export AMI_PBX_NAME=pbx
export PEERS_GW_AMI_HOST=127.0.0.1
export PEERS_GW_AMI_PORT=$GW_AMI_PORT
export PEERS_GW_AMI_USER=$GW_AMI_USER
export PEERS_GW_AMI_SECRET=$GW_AMI_SECRET
export PEERS_PBX_SIP=$PBX_SIP
export PEERS_PHONES_SIP=$PHONES_SIP
export PEERS_GW_CALL_LOG=$CHROOT$GW_CALL_LOG_IN_CHROOT
export PEERS_CHROOT=$CHROOT
export TEST_PG_URL=$TEST_PG_URL
export FREEPBX_AMI_HOST=127.0.0.1
export FREEPBX_AMI_PORT=$FPBX_AMI_PORT
export FREEPBX_AMI_USER=$FPBX_AMI_USER
export FREEPBX_AMI_SECRET=$FPBX_AMI_SECRET
export FREEPBX_SIP=127.0.0.1:$FPBX_SIP_PORT
EOV
  for gw in "${GATEWAYS[@]}"; do
    upper=$(echo "$gw" | tr a-z A-Z)
    echo "export PEERS_GW_SIP_$upper=$(gateway_sip "$gw")"
  done
}
