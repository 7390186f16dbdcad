# Shared helpers for the shell scenarios on the IRC door (irc-*.sh), sourced after `set -euo
# pipefail`: a scratch directory removed on exit with the processes started here, a shell user on
# nc (plain line mode) fed through a fifo, and a wait for a line in a file, with a deadline,
# that fails the scenario showing what each side received. Scenarios are run as
#   bash test-scripts/irc-<name>.sh HOST PORT   (the IRC door's ports in CHATSHELL_IRC_PORT and
#   CHATSHELL_IRC_TLS_PORT)
host="$1"
port="$2"
irc_port="$CHATSHELL_IRC_PORT"
irc_tls_port="$CHATSHELL_IRC_TLS_PORT"
work="$(mktemp -d)"
pids=()
shown=() # the files fail shows, as "title:path"
cleanup() {
  exec 3>&- 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $1"
  local entry
  for entry in "${shown[@]}"; do
    echo "--- ${entry%%:*} ---"
    if [[ -f "${entry#*:}" ]]; then tr -d '\r' < "${entry#*:}" | cat -v; else echo "(none)"; fi
  done
  exit 1
}

# Waits (20 s at most) until a file holds a line containing a literal text.
await() { # FILE TEXT WHAT
  local deadline=$((SECONDS + 20))
  until tr -d '\r' < "$1" 2>/dev/null | grep -qF -- "$2"; do
    ((SECONDS < deadline)) || fail "$3: no line with '$2'"
    sleep 0.1
  done
}

# The IRC ports answer a moment after the telnet port (the server opens telnet first).
await_irc() {
  local p _
  for p in "$irc_port" "$irc_tls_port"; do
    for _ in $(seq 300); do
      nc -z "$host" "$p" 2>/dev/null && continue 2
      sleep 0.1
    done
    fail "nothing listens for IRC on $host:$p"
  done
}

# A shell user on nc in plain line mode: `human LINE` types a line, $work/human.out is what
# it received.
start_human() {
  mkfifo "$work/human.in"
  : > "$work/human.out"
  nc "$host" "$port" < "$work/human.in" > "$work/human.out" &
  pids+=($!)
  exec 3> "$work/human.in"
  shown+=("what the shell user received:$work/human.out")
}
human() { printf '%s\n' "$1" >&3; }
