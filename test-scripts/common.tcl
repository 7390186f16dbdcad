# Shared helpers for the expect scenarios. Each scenario is run as
#   expect -f test-scripts/<name>.exp HOST PORT
# against a running server, and exits 0 when every step was seen.
set timeout 10
log_user 1

proc fail {message} {
  puts "\nFAIL: $message"
  exit 1
}

# Waits for a literal text on one spawned client, or fails with a message.
proc see {id text what} {
  expect {
    -i $id -ex $text {}
    -i $id timeout { fail "$what: did not see \"$text\"" }
    -i $id eof { fail "$what: connection closed before \"$text\"" }
  }
}

# Same with a regular expression.
proc see_re {id pattern what} {
  expect {
    -i $id -re $pattern {}
    -i $id timeout { fail "$what: did not match /$pattern/" }
    -i $id eof { fail "$what: connection closed before /$pattern/" }
  }
}

# Logs in a spawned client under a nickname.
proc login {id nick} {
  see $id "Nickname: " "$nick: nickname prompt"
  send -i $id "$nick\r"
  see $id "Welcome, $nick!" "$nick: welcome"
}
