#!/usr/bin/env bash
# A bot-style script: lines piped into nc, output checked with grep. Plain line mode must work
# with no prompt handling at all and must never send an escape byte.
# usage: bash test-scripts/plain-pipe.sh HOST PORT
set -euo pipefail
host="$1"
port="$2"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

{
  printf 'pipebot\n/join #bots\nbeep boop\n/who\n/bye scripted exit\n'
  sleep 3 # keep the connection open until the server says goodbye and closes it
} | nc -q 5 "$host" "$port" > "$out" || true

for expected in "Welcome, pipebot!" "You created #bots" "<pipebot> beep boop" "#bots (1): ~pipebot" "Bye!"; do
  grep -qF "$expected" "$out" || { echo "FAIL: missing '$expected' in:"; cat "$out"; exit 1; }
done
if grep -q $'\x1b' "$out"; then
  echo "FAIL: an escape byte reached a plain client"; cat -v "$out"; exit 1
fi
echo "OK plain-pipe"
