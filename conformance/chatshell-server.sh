#!/bin/sh
# usage: chatshell-server.sh HOST PORT DIR
# Starts this checkout's chatshell with only its IRC door, on HOST:PORT, its data in DIR, set up as
# irctest's own controllers set up ngircd and InspIRCd: server name My.Little.Server, network
# description "test server", operator operuser / operpassword (a test password, hashed here).
repo=$(cd "$(dirname "$0")/.." && pwd)
cat > "$3/chatshell.properties" <<CONF
server.name=My.Little.Server
irc.network=test server
data.dir=$3/var
commands.dir=$3/commands
motd.file=$repo/etc/motd.txt
console=false
operator.operuser=pbkdf2-sha256:600000:1DtSMfQUqK8WGRd5Rxaifg:fLErz6kTX2sbHmXac2kN0Qq5+qnGV5iRhA43OJvC/g8
CONF
CHATSHELL_JAVA_OPTS="${CHATSHELL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}" \
  exec "$repo/bin/chatshell" serve --config "$3/chatshell.properties" --bind "$1" --port 0 \
  --ssh-port 0 --irc-port "$2" --irc-tls-port 0 --http-port 0
