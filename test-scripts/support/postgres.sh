#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests that need a real one: a fresh cluster in a
# directory of its own under /tmp, on a loopback port, owned by nothing outside that directory.
#   test-scripts/support/postgres.sh start PORT   create and start it; prints the directory
#   test-scripts/support/postgres.sh stop DIR     stop it and remove the directory
# The superuser is "chatshell", trusted on loopback. Needs Debian's postgresql package (or
# initdb and pg_ctl on the PATH); as root, the server runs as the "postgres" user, since
# PostgreSQL refuses to run as root.
set -euo pipefail

find_bin() {
  local dir
  for dir in "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")" \
             /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
    if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

bin="$(find_bin)" || {
  echo "postgres.sh: no PostgreSQL server (initdb, pg_ctl) found; install Debian's postgresql package" >&2
  exit 2
}

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port="${2:?usage: postgres.sh start PORT}"
    dir="$(mktemp -d /tmp/chatshell-pg.XXXXXX)"
    chmod 755 "$dir"
    [[ "$(id -u)" == 0 ]] && chown postgres "$dir"
    cd "$dir" # the server's user may not be allowed into the caller's directory
    as_owner "$bin/initdb" -D "$dir/data" -U chatshell --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir"
    ;;
  stop)
    dir="${2:?usage: postgres.sh stop DIR}"
    cd /
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start PORT | stop DIR" >&2
    exit 2
    ;;
esac
