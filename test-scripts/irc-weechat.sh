#!/usr/bin/env bash
# The real WeeChat (weechat-headless: no terminal) on the IRC door next to a plain-line user on
# nc on the telnet port, in the same channel: autojoin, chat both ways, a grant seen as MODE +o,
# a topic set from WeeChat, a shell command with no IRC form (/quote REQUESTS) answered in a
# notice, a kick; then a second WeeChat over TLS registering, joining and talking. WeeChat is
# driven through its fifo plugin and read back from its logger plugin's buffer logs (flushed at
# once), in its own --dir with only the irc, logger and fifo plugins.
# usage: bash test-scripts/irc-weechat.sh HOST PORT
set -euo pipefail
source "$(dirname "$0")/irc.bash"
await_irc
start_human

# WeeChat 4 renamed its server options ssl* to tls* (and turned TLS on by default).
tls=tls
[[ "$(weechat-headless --version)" =~ ^[0-3]\. ]] && tls=ssl

# Starts weechat-headless in $work/NAME connected (as NICK) to the server "cs" at PORT, joining
# #wee on its own; extra /server add options (-tls...) follow. Sets $fifo to its command fifo.
start_weechat() { # NAME NICK PORT [OPTION...]
  local name="$1" dir="$work/$1" nick="$2" p="$3"
  shift 3
  mkdir -p "$dir"
  printf '[plugin]\nautoload = "irc,logger,fifo"\n' > "$dir/weechat.conf"
  weechat-headless --dir "$dir" --run-command "/set logger.file.flush_delay 0;\
/server add cs $host/$p -nicks=$nick -username=wee -realname=e2e -autojoin=#wee $*;\
/connect cs" > /dev/null 2>&1 < /dev/null &
  pids+=($!)
  shown+=("$name WeeChat's #wee:$dir/logs/irc.cs.#wee.weechatlog"
    "$name WeeChat's server buffer:$dir/logs/irc.server.cs.weechatlog")
  local deadline=$((SECONDS + 20))
  until fifo="$(compgen -G "$dir/weechat_fifo_*")"; do
    ((SECONDS < deadline)) || fail "$name: WeeChat made no fifo"
    sleep 0.1
  done
}
# Types a line (text or a /command) into a WeeChat buffer: "irc.server.cs" or "irc.cs.#wee".
wee() { printf '%s *%s\n' "$1" "$2" > "$fifo"; }

human "watcher"
await "$work/human.out" "Welcome, watcher!" "the shell user logs in"
human "/join #wee"
await "$work/human.out" "You created #wee; you are its main admin (~)." "the shell user creates #wee"

start_weechat plain weebot "$irc_port" "-no$tls"
chan="$work/plain/logs/irc.cs.#wee.weechatlog"
server="$work/plain/logs/irc.server.cs.weechatlog"
await "$server" "Welcome to the chatshell IRC Network weebot!~wee@" "WeeChat registers"
await "$chan" "weebot (~wee@chatshell) has joined #wee" "WeeChat joins #wee"
await "$chan" "Channel #wee: 2 nicks (1 op, 1 normal)" "WeeChat counts the main admin as op"
await "$work/human.out" "-!- weebot has joined #wee" "the shell user sees WeeChat join"

wee irc.cs.#wee "hello from weechat"
await "$work/human.out" "<weebot> hello from weechat" "the shell user sees WeeChat's line"
human "hi weebot"
await "$chan" $'~watcher\thi weebot' "WeeChat shows the shell user's line, with her ~"

human "/grant weebot"
await "$chan" "Mode #wee [+o weebot] by watcher" "WeeChat shows the +o"
wee irc.cs.#wee "/topic Set from WeeChat"
await "$work/human.out" "-!- weebot set the topic of #wee: Set from WeeChat" "the shell user sees the topic"
await "$chan" 'weebot has changed topic for #wee to "Set from WeeChat"' "WeeChat shows its topic"
wee irc.cs.#wee "now an admin"
await "$chan" $'@weebot\tnow an admin' "WeeChat shows its own nick with @"

wee irc.server.cs "/quote REQUESTS"
await "$server" "chatshell: No requests or invitations are waiting." "/quote REQUESTS answers in a notice"

human "/kick weebot enough for now"
await "$chan" "watcher has kicked weebot (enough for now)" "WeeChat shows the kick"
await "$work/human.out" "-!- weebot was kicked from #wee by watcher (enough for now)" "the kick"
wee irc.server.cs "/join #wee"
wee irc.cs.#wee "back again"
await "$work/human.out" "<weebot> back again" "WeeChat may join again after the kick"
wee irc.server.cs "/quit off to bed"
await "$work/human.out" "-!- weebot has quit (off to bed)" "the shell user sees WeeChat quit"

# WeeChat over TLS (the server's self-signed certificate, not checked).
start_weechat tls tlsbot "$irc_tls_port" "-$tls" "-no${tls}_verify"
chan="$work/tls/logs/irc.cs.#wee.weechatlog"
server="$work/tls/logs/irc.server.cs.weechatlog"
await "$server" "receiving 1 certificate" "WeeChat gets the server's certificate"
await "$server" "irc: connected to $host/$irc_tls_port" "WeeChat connects over TLS"
await "$server" "Welcome to the chatshell IRC Network tlsbot!~wee@" "WeeChat registers over TLS"
await "$chan" "tlsbot (~wee@chatshell) has joined #wee" "WeeChat joins #wee over TLS"
wee irc.cs.#wee "hello over TLS"
await "$work/human.out" "<tlsbot> hello over TLS" "the shell user sees the TLS line"
human "welcome, tlsbot"
await "$chan" $'~watcher\twelcome, tlsbot' "WeeChat over TLS shows the shell user's line"
wee irc.server.cs "/quit"
await "$work/human.out" "-!- tlsbot has quit" "the shell user sees the TLS user leave"
human "/bye"
await "$work/human.out" "Bye!" "the shell user leaves"
echo "OK irc-weechat"
