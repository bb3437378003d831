#!/usr/bin/env bash
# Starts a throwaway MariaDB server on 127.0.0.1 and prints `export` lines
# for the caller to eval:  eval "$(scripts/start-mariadb.sh)"
#   DENTALHUB_TEST_MARIADB  MySqlConnector connection string (root, no database)
#   DENTALHUB_MARIADB_DIR   temp dir holding data, socket, pid file and log (see stop-databases.sh)
# No MariaDB binaries: prints nothing on stdout, explains on stderr, exits 0.
set -euo pipefail

# Only the export lines may reach stdout, since the caller evals it.
exec 3>&1 1>&2

TIMEOUT=60
DIR=""

find_bin() {
    local name
    for name in "$@"; do
        command -v "$name" 2>/dev/null && return
        [[ -x /usr/sbin/$name ]] && { echo "/usr/sbin/$name"; return; }
    done
    return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

random_password() {
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

server_pid() {
    cat "$DIR/mariadbd.pid" 2>/dev/null || echo "${SERVER_PID:-}"
}

# On any failure, leave nothing behind: no running server, no temp dir.
cleanup_on_failure() {
    local rc=$? pid
    [[ $rc != 0 && -n $DIR && -d $DIR ]] || return 0
    pid=$(server_pid)
    if [[ -n $pid ]]; then kill -9 "$pid" 2>/dev/null || true; fi
    [[ -f $DIR/error.log ]] && { echo "--- mariadb error.log ---"; tail -n 30 "$DIR/error.log"; }
    rm -rf "$DIR"
    echo "start-mariadb: failed (exit $rc)"
}

install_db() {
    DIR=$(mktemp -d "${TMPDIR:-/tmp}/dentalhub-mariadb.XXXXXX")
    touch "$DIR/.dentalhub-mariadb"
    mkdir "$DIR/data" "$DIR/tmp"
    "$INSTALL_DB" --no-defaults --datadir="$DIR/data" --auth-root-authentication-method=normal \
        --user="$(id -un)" --skip-test-db >"$DIR/install.log" 2>&1 3>&- \
        || { cat "$DIR/install.log"; return 1; }
}

# utf8mb4 server defaults: MariaDB 10.11 would otherwise create latin1 databases.
launch_server() {
    local port=$1
    rm -f "$DIR/error.log" "$DIR/mariadbd.pid"
    "$MARIADBD" --no-defaults --datadir="$DIR/data" --tmpdir="$DIR/tmp" \
        --socket="$DIR/sock" --port="$port" --bind-address=127.0.0.1 --user="$(id -un)" \
        --pid-file="$DIR/mariadbd.pid" --log-error="$DIR/error.log" --skip-name-resolve \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
        </dev/null >>"$DIR/error.log" 2>&1 3>&- &
    SERVER_PID=$!
}

# 0 = ready, 1 = server died (e.g. port taken), 2 = timeout.
wait_ready() {
    local deadline=$((SECONDS + TIMEOUT))
    while ((SECONDS < deadline)); do
        "$ADMIN" --no-defaults --socket="$DIR/sock" -uroot --connect-timeout=2 ping >/dev/null 2>&1 && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        sleep 0.2
    done
    return 2
}

# Root gets a password; TCP connections come from 127.0.0.1, which with
# --skip-name-resolve never matches root@localhost, so that account must exist.
# The password-less root@::1 and root@<hostname> made by install-db are dropped.
secure_root() {
    "$CLIENT" --no-defaults --socket="$DIR/sock" -uroot <<SQL
DROP USER IF EXISTS 'root'@'::1', 'root'@'$(uname -n)';
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED BY '$PASSWORD';
FLUSH PRIVILEGES;
SQL
}

main() {
    MARIADBD=$(find_bin mariadbd mysqld) || true
    INSTALL_DB=$(find_bin mariadb-install-db mysql_install_db) || true
    ADMIN=$(find_bin mariadb-admin mysqladmin) || true
    CLIENT=$(find_bin mariadb mysql) || true
    if [[ -z $MARIADBD || -z $INSTALL_DB || -z $ADMIN || -z $CLIENT ]]; then
        echo "start-mariadb: MariaDB binaries (mariadbd, mariadb-install-db, mariadb, mariadb-admin) not found; MariaDB tests will be skipped."
        exit 0
    fi
    PASSWORD=$(random_password)
    trap cleanup_on_failure EXIT
    install_db

    # Another process may grab the port between probing and binding: retry with a new one.
    local port attempt status=1
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        launch_server "$port"
        wait_ready && status=0 || status=$?
        if [[ $status != 1 ]] || ! grep -q "Bind on TCP/IP port" "$DIR/error.log"; then
            break
        fi
        echo "start-mariadb: port $port was taken, retrying ($attempt)"
    done
    case $status in
        1) echo "start-mariadb: mariadbd exited during startup"; exit 1 ;;
        2) echo "start-mariadb: MariaDB did not become ready within ${TIMEOUT}s"; exit 1 ;;
    esac
    secure_root
    "$ADMIN" --no-defaults -h127.0.0.1 -P"$port" -uroot -p"$PASSWORD" ping >/dev/null

    echo "start-mariadb: MariaDB listening on 127.0.0.1:$port (dir $DIR)"
    echo "export DENTALHUB_TEST_MARIADB='Server=127.0.0.1;Port=$port;User ID=root;Password=$PASSWORD'" >&3
    echo "export DENTALHUB_MARIADB_DIR='$DIR'" >&3
}

main "$@"
