#!/bin/sh
# Starts the jicofo program that sits beside this launcher (as in the extracted dist archive or
# /usr/share/jicofo), with its libraries and logging settings. Same contract as the 2015 launcher: usage and
# exit status 1 without arguments or with --help; otherwise every argument goes to the program unchanged,
# after -Djava.util.logging.config.file=... (when lib/logging.properties exists) and the -Dname=value list in
# JAVA_SYS_PROPS, and the exit status is the program's.

usage() {
    printf 'Usage:\n'
    printf '%s [OPTIONS], where options can be:\n' "$0"
    printf '\t--domain=DOMAIN\t sets the XMPP domain\n'
    printf '\t--host=HOST\t sets the hostname of the XMPP server (default: --domain, if --domain is set, localhost otherwise)\n'
    printf '\t--port=PORT\t sets the port of the XMPP server (default: 5347)\n'
    printf '\t--subdomain=SUBDOMAIN\t sets the sub-domain used to bind focus XMPP component (default: focus)\n'
    printf '\t--secret=SECRET\t sets the shared secret used to authenticate focus component to the XMPP server\n'
    printf '\t--user_domain=DOMAIN\t specifies the name of XMPP domain used by the focus user to login\n'
    printf '\t--user_name=USERNAME\t specifies the username used by the focus XMPP user to login. (default: focus@user_domain)\n'
    printf '\t--user_password=PASSWORD\t specifies the password used by focus XMPP user to login. If not provided then focus user will use anonymous authentication method\n'
    printf '\n'
}

if [ $# -eq 0 ] || [ "$1" = "--help" ]; then
    usage
    exit 1
fi

# Our own folder, following symlinks (a link in /usr/bin must still find lib/). Plain readlink: no -f on
# older macOS.
self=$0
while [ -L "$self" ]; do
    target=$(readlink "$self")
    case "$target" in
    /*) self=$target ;;
    *) self=$(dirname "$self")/$target ;;
    esac
done
DIR=$(cd "$(dirname "$self")" && pwd -P) || exit 1

if [ "$(uname -s)" = Darwin ]; then
    DYLD_LIBRARY_PATH="$DIR/lib${DYLD_LIBRARY_PATH:+:$DYLD_LIBRARY_PATH}"
    export DYLD_LIBRARY_PATH
else
    LD_LIBRARY_PATH="$DIR/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export LD_LIBRARY_PATH
fi

# JAVA_SYS_PROPS is a blank-separated list, split as the original did, but without glob expansion.
set -f
# shellcheck disable=SC2086
set -- $JAVA_SYS_PROPS "$@"
set +f
logging_config="$DIR/lib/logging.properties"
if [ -f "$logging_config" ]; then
    set -- "-Djava.util.logging.config.file=$logging_config" "$@"
fi

exec "$DIR/jicofo" "$@"
