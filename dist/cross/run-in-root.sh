#!/bin/bash
# Runs a command inside a root made by make-debian-root.sh, with /proc mounted and /dev bound:
#   run-in-root.sh NAME CMD [ARG...]      NAME = amd64 | i386 | amd64-build | i386-wine ... (rootfs-NAME)
# The command sees the host's network (so it reaches servers on 127.0.0.1) and runs as root in /.
# The mounts live in a private mount namespace, so they are gone when the command ends (also when it fails
# or is killed) and several commands can run in the same root at once. The exit status is the command's.
# Environment: JICOFO_ROOT_BIND="HOSTDIR:ROOTDIR ..." binds more folders (read-write).
set -euo pipefail

NAME=${1:-}
[ -n "$NAME" ] && [ $# -ge 2 ] || {
    echo "usage: $0 amd64|i386[-FLAVOR] CMD [ARG...]" >&2
    exit 2
}
shift
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${JICOFO_CACHE:-$(cd "$HERE/../.." && pwd)/.cache}
R=$CACHE/rootfs-$NAME
[ -f "$R/.jicofo-root-ok" ] || {
    echo "run-in-root.sh: $R is not ready: run make-debian-root.sh first" >&2
    exit 1
}
[ "$(id -u)" = 0 ] || {
    echo "run-in-root.sh: must run as root" >&2
    exit 1
}

exec unshare --mount --propagation private /bin/sh -c '
    set -e
    R=$1
    shift
    mount -t proc proc "$R/proc"
    mount --rbind /dev "$R/dev"
    mount -t tmpfs tmpfs "$R/tmp"
    for b in $JICOFO_ROOT_BIND; do
        mkdir -p "$R/${b#*:}"
        mount --bind "${b%%:*}" "$R/${b#*:}"
    done
    exec chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" JAVA_SYS_PROPS="${JAVA_SYS_PROPS:-}" "$@"
' sh "$R" "$@"
