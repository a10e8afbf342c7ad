#!/bin/sh
# b24-send-recording FILE URL TOKEN
# Отдаёт приложению закрытый MixMonitor'ом файл записи (post-recording command): mp3, если есть lame или sox, иначе wav.
# Hands the recording MixMonitor has just closed to the app (its post-recording command): mp3 when lame or sox is
# installed, wav otherwise. Returns at once (MixMonitor's thread is not held); curl retries while the app is away.
# Install: /usr/local/bin/b24-send-recording, chmod 755; needs curl.
file=$1 url=$2 token=$3
[ -n "$file" ] && [ -n "$url" ] && [ -n "$token" ] && [ -s "$file" ] || exit 0
(
  send=$file
  made=
  case $file in
    *.wav | *.WAV)
      mp3=${file%.*}.mp3
      if command -v lame >/dev/null 2>&1 && lame --quiet -b 32 "$file" "$mp3"; then
        send=$mp3 made=$mp3
      elif command -v sox >/dev/null 2>&1 && sox "$file" -C 32 "$mp3"; then
        send=$mp3 made=$mp3
      fi
      ;;
  esac
  name=$(basename "$send")
  type=audio/wav
  case $send in *.mp3) type=audio/mpeg ;; esac
  if curl -sS -f -o /dev/null --connect-timeout 5 --max-time 300 --retry 6 --retry-delay 10 --retry-connrefused \
    -H "X-B24-Recording-Token: $token" -H "Content-Type: $type" --data-binary "@$send" "$url?name=$name"; then
    [ -n "$made" ] && rm -f "$made"
  else
    logger -t b24-send-recording "upload of $name to $url failed" 2>/dev/null
  fi
) </dev/null >/dev/null 2>&1 &
exit 0
