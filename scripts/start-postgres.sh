#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 and prints `export` lines
# for the caller to eval:  eval "$(scripts/start-postgres.sh)"
#   DENTALHUB_TEST_POSTGRES  Npgsql connection string (superuser postgres)
#   DENTALHUB_PG_DIR         temp dir holding data, socket and log (see stop-databases.sh)
# No PostgreSQL binaries: prints nothing on stdout, explains on stderr, exits 0.
set -euo pipefail

# Only the export lines may reach stdout, since the caller evals it.
exec 3>&1 1>&2

TIMEOUT=60
DIR=""

find_bindir() {
    local d
    for d in /usr/lib/postgresql/15/bin /usr/local/bin; do
        [[ -x $d/initdb && -x $d/pg_ctl ]] && { echo "$d"; return; }
    done
    d=$(command -v pg_ctl 2>/dev/null) && [[ -x $(dirname "$d")/initdb ]] && { dirname "$d"; return; }
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ -x $d/initdb ]] && echo "$d"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

random_password() {
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# initdb/postgres refuse to run as root. fd 3 is closed so the server does not
# hold the caller's $(...) pipe open forever.
as_pg() {
    if [[ $(id -u) == 0 ]]; then
        (cd "$DIR" && runuser -u postgres -- "$@") 3>&-
    else
        "$@" 3>&-
    fi
}

# On any failure, leave nothing behind: no running server, no temp dir.
cleanup_on_failure() {
    local rc=$?
    [[ $rc != 0 && -n $DIR && -d $DIR ]] || return 0
    as_pg "$BIN/pg_ctl" -D "$DIR/data" stop -m immediate >/dev/null 2>&1 || true
    [[ -f $DIR/postgres.log ]] && { echo "--- postgres.log ---"; tail -n 30 "$DIR/postgres.log"; }
    rm -rf "$DIR"
    echo "start-postgres: failed (exit $rc)"
}

init_cluster() {
    DIR=$(mktemp -d "${TMPDIR:-/tmp}/dentalhub-pg.XXXXXX")
    touch "$DIR/.dentalhub-pg"
    echo "$BIN" >"$DIR/bindir"
    printf '%s\n' "$PASSWORD" >"$DIR/pwfile"
    if [[ $(id -u) == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown -R postgres: "$DIR"
    fi
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log"; return 1; }
    rm -f "$DIR/pwfile"
}

# Returns non-zero if the server did not come up (e.g. the port was taken meanwhile).
start_server() {
    local port=$1
    # Durability settings off: the cluster is deleted after the test run anyway.
    local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$DIR"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t "$TIMEOUT" -o "$opts" start >/dev/null
}

main() {
    BIN=$(find_bindir) || true
    if [[ -z ${BIN:-} ]]; then
        echo "start-postgres: PostgreSQL binaries (initdb, pg_ctl) not found; PostgreSQL tests will be skipped."
        exit 0
    fi
    PASSWORD=$(random_password)
    trap cleanup_on_failure EXIT
    init_cluster

    # Another process may grab the port between probing and binding: retry with a new one.
    local port attempt started=""
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        rm -f "$DIR/postgres.log"
        start_server "$port" && { started=1; break; }
        grep -q "could not bind\|already in use" "$DIR/postgres.log" 2>/dev/null || break
        echo "start-postgres: port $port was taken, retrying ($attempt)"
    done
    if [[ -z $started ]]; then
        echo "start-postgres: PostgreSQL did not become ready within ${TIMEOUT}s"
        exit 1
    fi
    local isready=$BIN/pg_isready
    [[ -x $isready ]] || isready=pg_isready
    "$isready" -q -h 127.0.0.1 -p "$port" -t "$TIMEOUT"

    echo "start-postgres: PostgreSQL listening on 127.0.0.1:$port (dir $DIR)"
    echo "export DENTALHUB_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$PASSWORD;Database=postgres'" >&3
    echo "export DENTALHUB_PG_DIR='$DIR'" >&3
}

main "$@"
