#!/bin/sh
# Tests resources/jicofo.sh against a fake program: usage and exit status 1, arguments passed unchanged,
# the program's exit status, JAVA_SYS_PROPS and logging flags, library path, and a symlinked launcher.
# Usage: tests/dist/launcher-test.sh  (prints "N passed, N failed"; exit status 1 on any failure)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
LAUNCHER=${LAUNCHER:-$HERE/../../resources/jicofo.sh}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
passed=0
failed=0

check() { # name, then a command that must succeed
    name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name" >&2
    fi
}

# The "installed" folder: launcher, fake program, lib/.
APP=$T/app
mkdir -p "$APP/lib"
cp "$LAUNCHER" "$APP/jicofo.sh"
chmod 755 "$APP/jicofo.sh"
# The fake program records its arguments one per line, its LD_LIBRARY_PATH and folder, and exits with
# FAKE_RC (default 0).
cat >"$APP/jicofo" <<'FAKE'
#!/bin/sh
: >"$FAKE_OUT"
for a in "$@"; do printf '%s\n' "$a" >>"$FAKE_OUT"; done
printf '%s\n' "$LD_LIBRARY_PATH" >"$FAKE_OUT.env"
exit "${FAKE_RC:-0}"
FAKE
chmod 755 "$APP/jicofo"
OUT=$T/args
export FAKE_OUT="$OUT"

expect_args() { # expected arguments, one per line, must equal what the fake program got
    printf '%s\n' "$@" >"$T/expected"
    cmp -s "$T/expected" "$OUT" || {
        echo "  expected:" >&2
        sed 's/^/    /' "$T/expected" >&2
        echo "  got:" >&2
        sed 's/^/    /' "$OUT" >&2
        return 1
    }
}

# 1. Usage: no argument, and --help; status 1; the program is not started.
for form in none --help; do
    rm -f "$OUT"
    if [ "$form" = none ]; then
        "$APP/jicofo.sh" >"$T/usage" 2>&1
    else
        "$APP/jicofo.sh" --help >"$T/usage" 2>&1
    fi
    rc=$?
    check "usage ($form) exits 1" [ "$rc" -eq 1 ]
    check "usage ($form) does not start the program" [ ! -e "$OUT" ]
    check "usage ($form) has a Usage line" grep -q '^Usage:' "$T/usage"
    for flag in domain host port subdomain secret user_domain user_name user_password; do
        check "usage ($form) lists --$flag" grep -q -- "--$flag=" "$T/usage"
    done
    check "usage ($form) describes --secret" \
        grep -q 'sets the shared secret used to authenticate focus component to the XMPP server' "$T/usage"
    check "usage ($form) describes --user_password" \
        grep -q 'If not provided then focus user will use anonymous authentication method' "$T/usage"
done

# 2. Arguments unchanged (blanks, globs, dollars, empty values) and no extra ones.
unset JAVA_SYS_PROPS
rm -f "$OUT"
(cd "$T" && "$APP/jicofo.sh" --domain=example.com '--secret=a b' '*' '$HOME' --port= '')
check "plain run exits 0" [ $? -eq 0 ]
check "arguments passed unchanged" expect_args --domain=example.com '--secret=a b' '*' '$HOME' --port= ''
check "lib/ first on LD_LIBRARY_PATH" grep -q "^$APP/lib" "$OUT.env"

# 3. The program's exit status is the launcher's.
FAKE_RC=42 "$APP/jicofo.sh" --secret=x
check "exit status of the program" [ $? -eq 42 ]

# 4. JAVA_SYS_PROPS: extra -D arguments before the program's own, split on blanks, not globbed.
# A file that the glob would match, in the working folder.
: >"$T/-Dx.y=globbed"
(cd "$T" && JAVA_SYS_PROPS='-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=/etc/jitsi  -Dx.y=*' \
    "$APP/jicofo.sh" --secret=s)
check "JAVA_SYS_PROPS appended" \
    expect_args -Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=/etc/jitsi '-Dx.y=*' --secret=s

# 5. lib/logging.properties present: its -D flag comes first.
echo '.level=INFO' >"$APP/lib/logging.properties"
JAVA_SYS_PROPS='-Da=1' "$APP/jicofo.sh" --secret=s
check "logging flag when lib/logging.properties exists" \
    expect_args "-Djava.util.logging.config.file=$APP/lib/logging.properties" -Da=1 --secret=s

# 6. Started through symlinks (absolute, then relative, chained) from elsewhere: still finds its folder.
mkdir -p "$T/bin" "$T/other"
ln -s "$APP/jicofo.sh" "$T/bin/jicofo-abs"
ln -s ../bin/jicofo-abs "$T/other/jicofo-rel"
rm -f "$OUT"
(cd / && "$T/other/jicofo-rel" --user_name=focus)
check "symlinked launcher exits 0" [ $? -eq 0 ]
check "symlinked launcher runs the program" \
    expect_args "-Djava.util.logging.config.file=$APP/lib/logging.properties" --user_name=focus
check "symlinked launcher: lib/ on LD_LIBRARY_PATH" grep -q "^$APP/lib" "$OUT.env"
"$T/other/jicofo-rel" >/dev/null 2>&1
check "symlinked launcher usage exits 1" [ $? -eq 1 ]

# 7. Keeps an existing LD_LIBRARY_PATH behind lib/.
LD_LIBRARY_PATH=/opt/x "$APP/jicofo.sh" --secret=s
check "existing LD_LIBRARY_PATH kept" grep -qx "$APP/lib:/opt/x" "$OUT.env"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
