# Shared helpers for the scenarios that drive the real irssi (irc-*.exp). Sourced after
# common.tcl. irssi runs full-screen inside a detached tmux session on a tmux server of the
# scenario's own (its own socket, no ~/.tmux.conf), with its own --home (no ~/.irssi); keys go
# in with `tmux send-keys` and the screen is read back with `tmux capture-pane`. The IRC door's
# ports come in CHATSHELL_IRC_PORT and CHATSHELL_IRC_TLS_PORT; the scenario's scratch directory
# is the one holding CHATSHELL_CONFIG (EndToEndScriptsIT makes a fresh one per run).
set irc_port $env(CHATSHELL_IRC_PORT)
set irc_tls_port $env(CHATSHELL_IRC_TLS_PORT)
set irssi_scratch [file join [file dirname $env(CHATSHELL_CONFIG)] irssi]
file mkdir $irssi_scratch
set tmux [list tmux -S [file join $irssi_scratch tmux.sock] -f /dev/null]

# However the scenario ends, its tmux server (and the irssi instances in it) goes too.
exit -onexit {
  catch {exec {*}$tmux kill-server 2>@1}
}

# The tmux server starts a moment after the first session is asked for: the IRC ports answer
# a moment after the telnet port too (the server opens telnet first), so wait for them.
proc await_irc {host} {
  global irc_port irc_tls_port
  foreach p [list $irc_port $irc_tls_port] {
    set ok 0
    for {set i 0} {$i < 300} {incr i} {
      if {![catch {socket $host $p} probe]} {
        close $probe
        set ok 1
        break
      }
      after 100
    }
    if {!$ok} {
      fail "nothing listens for IRC on $host:$p"
    }
  }
}

# Starts irssi in a new tmux session named $name, connecting to host:port as nick. A TLS
# connection needs the server in irssi's configuration (irssi 1.4 has no --tls flag: /CONNECT
# -tls does, but certificate checking can only be turned off in a server entry), so each irssi
# gets its own home: a plain one must not find the TLS entry, which irssi would match by address.
# The configuration keeps every window's text in window 1 (no status window, no window per
# channel), so one screen shows the whole conversation, and turns off anything that would write
# back into the home or reconnect on its own. The user name (USER) is not the nick, as with most
# irssi users (their login name): the door shows ~nick as ident whatever USER said.
proc irssi_start {name nick host port {tls 0}} {
  global irssi_scratch tmux
  set home [file join $irssi_scratch $name]
  file mkdir $home
  set servers ""
  if {$tls} {
    set servers "  { address = \"$host\"; port = \"$port\"; use_tls = \"yes\"; tls_verify = \"no\";\
        autoconnect = \"no\"; }"
  }
  set fh [open [file join $home config] w]
  puts $fh "servers = (\n$servers\n);
chatnets = { };
channels = ( );
settings = {
  core = {
    real_name = \"chatshell e2e\";
    user_name = \"e2e\";
    nick = \"$nick\";
    settings_autosave = \"no\";
    server_reconnect_time = \"-1\";
  };
  \"fe-common/core\" = {
    autocreate_windows = \"no\";
    use_status_window = \"no\";
    show_nickmode = \"yes\";
    beep_msg_level = \"\";
  };
  \"irc/core\" = { skip_motd = \"yes\"; };
};"
  close $fh
  # A wide window: irssi wraps long lines itself, and a wrapped line would not match. The tmux
  # server outlives its sessions (else the next irssi would race a server shutting down when
  # the last one quits), and a pane outlives its irssi, so a failure still shows the screen.
  exec {*}$tmux new-session -d -s $name -x 220 -y 50 \
      env TERM=screen LANG=C.UTF-8 irssi --home=$home -c $host -p $port -n $nick \
      \; set-option -g exit-empty off \; set-option -g remain-on-exit on
}

# What irssi's window shows now.
proc pane {name} {
  global tmux
  if {[catch {exec {*}$tmux capture-pane -p -t $name} screen]} {
    return "(no screen: $screen)"
  }
  return $screen
}

# Types a line into irssi and presses Enter. -l: the text is keys, never tmux key names.
proc type {name text} {
  global tmux
  exec {*}$tmux send-keys -t $name -l $text
  exec {*}$tmux send-keys -t $name Enter
}

# Waits until irssi's screen shows a literal text (or matches a regular expression with
# must_re); on timeout the scenario fails with the screen and irssi's raw IRC log. The wait is
# long: irssi paces what it sends (once 5 lines went out at once, one every 2.2 s: its flood
# protection) and queries each channel it joins (MODE, WHO, MODE b) in the same queue, so a
# typed line may wait there for seconds.
proc must {name text what {seconds 20}} {
  must_check $name $what $seconds [list apply {{text screen} {
    expr {[string first $text $screen] >= 0}
  }} $text] "\"$text\""
}
proc must_re {name pattern what {seconds 20}} {
  must_check $name $what $seconds [list apply {{pattern screen} {
    regexp -- $pattern $screen
  }} $pattern] "/$pattern/"
}
proc must_check {name what seconds test shown} {
  set deadline [expr {[clock milliseconds] + $seconds * 1000}]
  while 1 {
    set screen [pane $name]
    if {[{*}$test $screen]} {
      return
    }
    if {[clock milliseconds] > $deadline} {
      fail "$what: irssi ($name) did not show $shown within ${seconds}s; its screen:\n$screen\
          \n--- irssi's raw log ---\n[irssi_rawlog $name]"
    }
    after 200
  }
}

# irssi keeps the last lines it sent and received: saved to a file, they say which side erred.
proc irssi_rawlog {name} {
  global irssi_scratch tmux
  set file [file join $irssi_scratch $name.rawlog]
  if {[catch {
    exec {*}$tmux send-keys -t $name -l "/rawlog save $file"
    exec {*}$tmux send-keys -t $name Enter
  }]} {
    return "(irssi is gone)"
  }
  for {set i 0} {$i < 20 && ![file exists $file]} {incr i} {
    after 100
  }
  if {[catch {set fh [open $file]}]} {
    return "(irssi saved no raw log)"
  }
  set text [read $fh]
  close $fh
  return $text
}
