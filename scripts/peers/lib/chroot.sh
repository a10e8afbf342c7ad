# Debian sid chroot with Asterisk 22, built once and cached. Sourced by peers.sh.

debian_mirror() {
  # the host's own apt mirror (the only Debian mirror reachable from CI machines)
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  echo "${uri:-http://deb.debian.org/debian}"
}

chroot_is_complete() { [ -x "$CHROOT/usr/sbin/asterisk" ] && [ -f "$CHROOT/.b24cc-complete" ]; }

ensure_chroot() {
  if chroot_is_complete; then return 0; fi
  [ -e "$CHROOT" ] && die "$CHROOT exists but is incomplete; remove it (rm -rf) and run again"
  command -v debootstrap >/dev/null || {
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2 || die "apt-get install debootstrap failed"
  }
  # leftovers of an interrupted build are never used: only a finished build is renamed into place
  local old
  for old in "$PEERS_CACHE"/sid.tmp.*; do
    [ -d "$old" ] || continue
    mountpoint -q "$old/proc" && umount "$old/proc"
    rm -rf --one-file-system "$old"
  done
  local tmp=$PEERS_CACHE/sid.tmp.$$ t0
  t0=$(now_ms)
  log "debootstrap Debian sid + asterisk into $tmp (a few minutes, once)"
  debootstrap --variant=minbase --include=asterisk,asterisk-modules,asterisk-config \
    sid "$tmp" "$(debian_mirror)" >"$PEERS_CACHE/debootstrap.log" 2>&1 \
    || die "debootstrap failed, see $PEERS_CACHE/debootstrap.log"
  [ -x "$tmp/usr/sbin/asterisk" ] || die "debootstrap finished without /usr/sbin/asterisk"
  touch "$tmp/.b24cc-complete"
  mv "$tmp" "$CHROOT"
  log "chroot ready in $(( ($(now_ms) - t0) / 1000 )) s: $(chroot "$CHROOT" /usr/sbin/asterisk -V)"
}

mount_proc() {
  mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc" || die "cannot mount /proc in $CHROOT"
}

# The PBX hands finished recordings to the app with curl (lib/asterisk/kit/b24-send-recording.sh, MixMonitor's
# post-recording command), as a customer's PBX does: curl is installed once, the script copied on every `up`.
ensure_recording_sender() {
  if [ ! -x "$CHROOT/usr/bin/curl" ]; then
    log "installing curl into the chroot (recording uploads)"
    DEBIAN_FRONTEND=noninteractive chroot "$CHROOT" apt-get install -y -q --no-install-recommends curl \
      >"$PEERS_CACHE/curl-install.log" 2>&1 \
      || { chroot "$CHROOT" apt-get update -q >>"$PEERS_CACHE/curl-install.log" 2>&1 \
        && DEBIAN_FRONTEND=noninteractive chroot "$CHROOT" apt-get install -y -q --no-install-recommends curl \
          >>"$PEERS_CACHE/curl-install.log" 2>&1; } \
      || die "installing curl into the chroot failed, see $PEERS_CACHE/curl-install.log"
  fi
  install -m 755 "$PEERS_DIR/../../lib/asterisk/kit/b24-send-recording.sh" "$CHROOT/usr/local/bin/b24-send-recording"
}
