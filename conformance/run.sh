#!/bin/sh
# Runs irctest's RFC-level server tests (the "85") against one server and prints the counts.
#
#   run.sh ngircd                       irctest's own controller (Debian's /usr/sbin/ngircd)
#   run.sh inspircd                     irctest's own controller (Debian's /usr/sbin/inspircd, 3.x)
#   run.sh external HOST PORT           a server you started yourself (one instance for all tests)
#   run.sh chatshell                    this checkout's chatshell, a fresh server per test
#   run.sh command 'SHELL COMMAND'      a fresh server per test, started from a command template
#                                       with {hostname} {port} {dir} (see command_server.py);
#                                       set IRCTEST_SERVER_PASSWORD_COMMAND too for the 2 PASS tests
# Extra arguments after those are passed to pytest (e.g. -k testKick, -x, --lf).
#
# Output: /tmp/irctest/results-<name>.txt (pytest output with the per-test IRC traffic),
#         /tmp/irctest/results-<name>.xml (junit), and a summary on stdout.
# Needs: apt-get install python3-pytest python3-ecdsa python3-filelock python3-websockets
# irctest itself is never part of this repository: it is cloned to $IRCTEST_SRC (default
# /tmp/irctest/src) at the commit CONFORMANCE.md was counted with.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=${IRCTEST_WORK:-/tmp/irctest}
src=${IRCTEST_SRC:-$work/src}
repo=${IRCTEST_REPO:-https://github.com/progval/irctest}
commit=${IRCTEST_COMMIT:-b00c039}   # the version CONFORMANCE.md counts
python=/usr/bin/python3   # Debian's python: Debian's pytest lives there, not in pyenv

# The selection: irctest's own Makefile filter for ngircd/InspIRCd, restricted to tests
# marked with an RFC spec (tests also marked Modern/ircdocs stay in; IRCv3-only ones are out).
selection='not services and not implementation-specific and not deprecated and not strict and (RFC1459 or RFC2812)'

usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1; shift

mkdir -p "$work"
if [ ! -d "$src/irctest" ]; then
  git clone -q "$repo" "$src"
  git -C "$src" checkout -q "$commit"
fi
if ! $python -c 'import pytest, filelock' 2>/dev/null; then
  echo "Debian's pytest is missing: apt-get install python3-pytest python3-ecdsa python3-filelock python3-websockets" >&2
  exit 1
fi

case "$target" in
  ngircd)
    controller=irctest.controllers.ngircd; name=ngircd ;;
  inspircd)
    controller=irctest.controllers.inspircd; name=inspircd
    # Debian 12's InspIRCd 3 needs --runasroot under root and has helpop.conf.example under
    # /usr/share/doc, not /etc/inspircd/examples where irctest's generated config includes it.
    mkdir -p "$work/bin"
    cat > "$work/bin/inspircd" <<'WRAP'
#!/bin/sh
prev=
for a in "$@"; do
  if [ "$prev" = "--config" ] && [ -f "$a" ]; then
    sed -i 's#"examples/helpop.conf.example"#"/usr/share/doc/inspircd/examples/helpop.conf.example"#' "$a"
  fi
  prev=$a
done
if [ "$(id -u)" = 0 ]; then set -- --runasroot "$@"; fi
exec /usr/sbin/inspircd "$@"
WRAP
    chmod +x "$work/bin/inspircd"
    PATH=$work/bin:$PATH ;;
  external)
    [ $# -ge 2 ] || usage
    IRCTEST_SERVER_HOSTNAME=$1 IRCTEST_SERVER_PORT=$2; shift 2
    export IRCTEST_SERVER_HOSTNAME IRCTEST_SERVER_PORT
    controller=irctest.controllers.external_server; name=${IRCTEST_NAME:-external} ;;
  chatshell)
    IRCTEST_SERVER_COMMAND="$here/chatshell-server.sh {hostname} {port} {dir}"
    export IRCTEST_SERVER_COMMAND
    controller=command_server; name=chatshell ;;
  command)
    [ $# -ge 1 ] || usage
    IRCTEST_SERVER_COMMAND=$1; shift
    export IRCTEST_SERVER_COMMAND
    controller=command_server; name=${IRCTEST_NAME:-command} ;;
  *) usage ;;
esac
PATH=$PATH:/usr/sbin   # ngircd and inspircd live there
export PATH

# pluggy_wrapper_shim: Debian 12's pluggy 1.0 lacks hookimpl(wrapper=True), used by irctest's
# conftest.py; the shim adds it (no-op on newer pluggy). command_server is our controller.
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
# irctest keeps its port registry (irctest_ports.json + lock) and per-test config dirs in
# TMPDIR; a private one per run lets two runs go at once (a shared one gave a JSONDecodeError).
TMPDIR=$work/tmp-$name
mkdir -p "$TMPDIR"
export TMPDIR
out=$work/results-$name.txt
xml=$work/results-$name.xml
cd "$src"
set +e
$python -m pytest -p pluggy_wrapper_shim -p no:cacheprovider \
  --controller "$controller" -m "$selection" -rfEsx --junitxml="$xml" "$@" >"$out" 2>&1
rc=$?
set -e
echo "== $name ($(git -C "$src" rev-parse --short HEAD) irctest), pytest exit $rc; log: $out"
tail -n 1 "$out"
[ -s "$xml" ] && $python "$here/summarize.py" "$xml"
exit 0
