#!/usr/bin/env bash
# Password logins as a script does them, with sshpass and the real OpenSSH client: an account
# registered through a pipe into `ssh -T`, then a chat command on the ssh line with the password
# given by sshpass, over each of the two password methods (keyboard-interactive and password).
# A wrong password is refused: sshpass says so (status 5) and nothing runs.
# usage: bash test-scripts/ssh-sshpass.sh HOST PORT (the SSH port in CHATSHELL_SSH_PORT)
set -euo pipefail
host="$1"
ssh_port="$CHATSHELL_SSH_PORT"
scratch="$(dirname "$CHATSHELL_CONFIG")/sshpass"
mkdir -p "$scratch"
unset SSH_AUTH_SOCK
password='s3cret-pass'

fail() { echo "FAIL: $*"; exit 1; }

# The telnet port answers a moment before the SSH port.
for _ in $(seq 300); do nc -z "$host" "$ssh_port" 2>/dev/null && break; sleep 0.1; done

ssh_to=(ssh -F /dev/null -p "$ssh_port" -o LogLevel=ERROR -o ConnectTimeout=10
  -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$scratch/known_hosts"
  -o GlobalKnownHostsFile=/dev/null -o PubkeyAuthentication=no)

# Plain line mode reads the two password lines of /REGISTER like any other line.
printf '/register\n%s\n%s\n/join #pass\n/register #pass\n/bye\n' "$password" "$password" \
  | "${ssh_to[@]}" -T gina@"$host" > "$scratch/register.out" 2>&1 \
  || fail "registering through ssh -T: $(cat "$scratch/register.out")"
grep -qF "You registered gina." "$scratch/register.out" \
  || fail "no account made: $(cat "$scratch/register.out")"

for method in keyboard-interactive password; do
  status=0
  sshpass -p "$password" "${ssh_to[@]}" -o PreferredAuthentications="$method" gina@"$host" /current \
    < /dev/null > "$scratch/$method.out" 2>&1 || status=$?
  [[ $status == 0 ]] || fail "sshpass over $method exited with $status: $(cat "$scratch/$method.out")"
  grep -qF "Joining your registered channels again: #pass" "$scratch/$method.out" \
    || fail "$method did not log in to gina's account: $(cat "$scratch/$method.out")"
  grep -qF "Your current channel is #pass" "$scratch/$method.out" \
    || fail "$method: the command on the ssh line did not run: $(cat "$scratch/$method.out")"
done

# Wrong passwords last: a right one within a second after a wrong one is refused (the same
# throttle as telnet).
for method in keyboard-interactive password; do
  status=0
  sshpass -p "not-the-password" "${ssh_to[@]}" -o PreferredAuthentications="$method" gina@"$host" /current \
    < /dev/null > "$scratch/$method-wrong.out" 2>&1 || status=$?
  [[ $status == 5 ]] \
    || fail "a wrong password over $method: sshpass exited with $status, not 5 (wrong password): $(cat "$scratch/$method-wrong.out")"
  if grep -qF "Welcome" "$scratch/$method-wrong.out"; then
    fail "a wrong password over $method logged in: $(cat "$scratch/$method-wrong.out")"
  fi
done
echo "OK ssh-sshpass"
