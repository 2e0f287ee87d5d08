#!/bin/sh
# Gathers what a bug report about the focus needs into one archive (as the 2015 package's helper did): the
# log files, the running process's threads with their stacks (gdb when installed, else the kernel's view),
# its status, and the configuration with the secrets masked. Run as root:
#   /usr/share/jicofo/collect-dump-logs.sh            -> /tmp/jicofo-dump-HOST-DATE.tar.gz
set -u
OUT=/tmp/jicofo-dump-$(hostname)-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
cp -p /var/log/jitsi/jicofo.log* "$OUT/" 2>/dev/null
PID=$(cat /var/run/jicofo.pid 2>/dev/null || pgrep -x jicofo | head -n1)
if [ -n "$PID" ] && [ -d "/proc/$PID" ]; then
    cat "/proc/$PID/status" >"$OUT/status.txt"
    if command -v gdb >/dev/null; then
        gdb -p "$PID" -batch -ex 'thread apply all bt' >"$OUT/threads.txt" 2>&1
    else
        for t in /proc/"$PID"/task/*; do
            echo "== thread ${t##*/} $(cat "$t/comm")"
            cat "$t/stack" 2>/dev/null
        done >"$OUT/threads.txt"
    fi
fi
for f in /etc/jitsi/jicofo/config /etc/jitsi/jicofo/sip-communicator.properties; do
    [ -r "$f" ] && sed -E 's/((SECRET|PASSWORD|PASS|TOKEN)[A-Z_.]*=).*/\1*****/I' "$f" >"$OUT/$(basename "$f")"
done
tar -czf "$OUT.tar.gz" -C /tmp "$(basename "$OUT")" && rm -rf "$OUT"
echo "$OUT.tar.gz"
