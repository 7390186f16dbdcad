#!/usr/bin/env bash
# A bot speaking raw IRC through nc on the IRC door, next to a plain-line user on nc on the
# telnet port, in the same channel: registration, JOIN with NAMES, channel and private messages
# both ways, CTCP ACTION, IRC formatting codes stripped for the shell user, an escape byte typed
# by the shell user never reaching the bot raw, PING, an unknown verb (421, not a disconnect),
# QUIT with a reason. Each side's input is a fifo, so each step waits for the other side's answer
# instead of sleeping.
# usage: bash test-scripts/irc-nc.sh HOST PORT   (the IRC door's port in CHATSHELL_IRC_PORT)
set -euo pipefail
source "$(dirname "$0")/irc.bash"
await_irc
start_human

mkfifo "$work/bot.in"
: > "$work/bot.out"
nc "$host" "$irc_port" < "$work/bot.in" > "$work/bot.out" &
pids+=($!)
exec 4> "$work/bot.in"
shown=("what the bot received:$work/bot.out" "${shown[@]}")
bot() { printf '%s\r\n' "$1" >&4; }

human "watcher"
await "$work/human.out" "Welcome, watcher!" "the shell user logs in"
human "/join #bots"
await "$work/human.out" "You created #bots; you are its main admin (~)." "the shell user creates #bots"

bot "NICK beepbot"
bot "USER beepbot 0 * :a bot on nc"
await "$work/bot.out" " 001 beepbot :Welcome to the " "the bot registers"
await "$work/bot.out" " 376 beepbot " "the bot gets the MOTD"
bot "JOIN #bots"
await "$work/bot.out" ":beepbot!~beepbot@" "the bot's JOIN is echoed"
await "$work/bot.out" " 353 beepbot = #bots :~watcher beepbot" "NAMES shows the shell user as main admin"
await "$work/bot.out" " 366 beepbot #bots :" "end of NAMES"
await "$work/human.out" "-!- beepbot has joined #bots" "the shell user sees the bot join"

bot "PRIVMSG #bots :beep boop"
await "$work/human.out" "<beepbot> beep boop" "the shell user sees the bot's line"
human "hello bot"
await "$work/bot.out" ":watcher!~watcher@" "the bot sees the shell user"
await "$work/bot.out" " PRIVMSG #bots :hello bot" "the bot sees the shell user's line"

bot "PRIVMSG watcher :psst, private"
await "$work/human.out" "*beepbot* psst, private" "the shell user gets the bot's private message"
human "/msg beepbot private reply"
await "$work/bot.out" " PRIVMSG beepbot :private reply" "the bot gets the private reply"

bot $'PRIVMSG #bots :\001ACTION beeps twice\001'
await "$work/human.out" "* beepbot beeps twice" "CTCP ACTION is /ME for the shell user"
bot $'PRIVMSG #bots :\002bold\002 and \00304,01red\003 done'
await "$work/human.out" "<beepbot> bold and red done" "IRC formatting codes are stripped"

human $'look \e[31mred\e[0m here'
# The domain shows control characters as visible marks (ESC as the two characters ^[).
await "$work/bot.out" " PRIVMSG #bots :look ^[[31mred^[[0m here" "the escapes reach the bot as marks"

bot "PING :still-there"
await "$work/bot.out" "PONG" "PING is answered"
await "$work/bot.out" ":still-there" "PONG carries the token"
bot "FROBNICATE now"
await "$work/bot.out" " 421 beepbot FROBNICATE :" "an unknown verb is 421"
bot "PRIVMSG #bots :still connected"
await "$work/human.out" "<beepbot> still connected" "the bot is still there after 421"

bot "QUIT :done here"
await "$work/bot.out" "ERROR :" "QUIT is answered with ERROR"
await "$work/human.out" "beepbot has quit (done here)" "the shell user sees the quit and its reason"
human "/bye"
await "$work/human.out" "Bye!" "the shell user leaves"

if tr -d '\r' < "$work/bot.out" | grep -q $'\e'; then
  fail "an escape byte reached the IRC client raw"
fi
if tr -d '\r' < "$work/human.out" | grep beepbot | grep -q $'[\002\003]'; then
  fail "an IRC formatting code reached the shell user"
fi
LC_ALL=C # byte lengths
while IFS= read -r line; do
  # Every line ends with CR LF and fits in 512 bytes with it.
  [[ "$line" == *$'\r' ]] || fail "a line without CR LF: $line"
  ((${#line} <= 511)) || fail "a line over 512 bytes: $line"
done < "$work/bot.out"
echo "OK irc-nc"
