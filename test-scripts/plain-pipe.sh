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

# Whole lines: the message must come untagged, as it was said in the current channel.
for expected in "-!- You created #bots; you are its main admin (~)." "<pipebot> beep boop" \
                "#bots (1): ~pipebot" "Bye!"; do
  tr -d '\r' < "$out" | grep -qxF -- "$expected" \
    || { echo "FAIL: missing the line '$expected' in:"; cat "$out"; exit 1; }
done
grep -qF "Welcome, pipebot!" "$out" || { echo "FAIL: no welcome"; cat "$out"; exit 1; }
if grep -q $'\x1b' "$out"; then
  echo "FAIL: an escape byte reached a plain client"; cat -v "$out"; exit 1
fi
echo "OK plain-pipe"
