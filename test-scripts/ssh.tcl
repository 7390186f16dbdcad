# Shared helpers for the scenarios that drive the real OpenSSH client (ssh-*.exp). Sourced after
# common.tcl. The SSH door's port comes in CHATSHELL_SSH_PORT; the scenario's scratch directory
# is the one holding CHATSHELL_CONFIG (EndToEndScriptsIT makes a fresh one per run).
set ssh_port $env(CHATSHELL_SSH_PORT)
set scratch [file join [file dirname $env(CHATSHELL_CONFIG)] ssh]
file mkdir $scratch
set known_hosts [file join $scratch known_hosts]
# No agent: only the keys a scenario names are ever offered.
unset -nocomplain env(SSH_AUTH_SOCK)

# Options every ssh here takes: no ~/.ssh/config or machine config (-F /dev/null), our own
# known_hosts, and no chatter beyond errors unless asked: ssh shows the server's banners and a
# keyboard-interactive prompt's instruction only at LogLevel INFO (its default) or above. Logins
# without a key also turn public keys off, so a key lying in ~/.ssh never decides a test.
proc ssh_options {{hostkeys accept-new} {loglevel ERROR}} {
  global ssh_port known_hosts
  return [list -F /dev/null -p $ssh_port -o LogLevel=$loglevel -o ConnectTimeout=10 \
      -o StrictHostKeyChecking=$hostkeys -o UserKnownHostsFile=$known_hosts \
      -o GlobalKnownHostsFile=/dev/null]
}
proc ssh_nokey {} {
  return [list -o PubkeyAuthentication=no]
}
proc ssh_key {key} {
  return [list -o IdentitiesOnly=yes -i $key]
}

# The telnet port answers a moment before the SSH port (the server opens telnet first): wait for
# the SSH port to take connections.
proc await_ssh {host} {
  global ssh_port
  for {set i 0} {$i < 300} {incr i} {
    if {![catch {socket $host $ssh_port} probe]} {
      close $probe
      return
    }
    after 100
  }
  fail "nothing listens for SSH on $host:$ssh_port"
}

# Waits for a spawned ssh to end and returns its exit status (the ssh process's own, not a
# signal: a killed ssh fails the scenario).
proc ssh_exit {id what} {
  expect {
    -i $id eof {}
    -i $id timeout { fail "$what: ssh did not exit" }
  }
  lassign [wait -i $id] pid spawned os_error status
  if {$os_error != 0} {
    fail "$what: ssh could not be waited for ($status)"
  }
  return $status
}
