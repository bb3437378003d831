#!/usr/bin/env bash
# Stops the servers started by start-postgres.sh / start-mariadb.sh and deletes
# their temp dirs. Uses DENTALHUB_PG_DIR and DENTALHUB_MARIADB_DIR; unset = nothing to do.
set -euo pipefail

# Refuse to rm -rf a dir that our start scripts did not create.
is_ours() {
    [[ -n $1 && -d $1 && -f $1/$2 ]]
}

# Waits up to 30 s for a process to exit.
wait_gone() {
    local pid=$1 deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    return 1
}

stop_postgres() {
    local dir=${DENTALHUB_PG_DIR:-} bin pid
    is_ours "$dir" .dentalhub-pg || return 0
    bin=$(cat "$dir/bindir" 2>/dev/null || echo /usr/lib/postgresql/15/bin)
    if [[ -f $dir/data/postmaster.pid ]]; then
        pid=$(head -n 1 "$dir/data/postmaster.pid")
        if [[ $(id -u) == 0 ]]; then
            (cd "$dir" && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 30) >/dev/null || true
        else
            "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null || true
        fi
        wait_gone "$pid" || kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

stop_mariadb() {
    local dir=${DENTALHUB_MARIADB_DIR:-} pid
    is_ours "$dir" .dentalhub-mariadb || return 0
    pid=$(cat "$dir/mariadbd.pid" 2>/dev/null || true)
    if [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null; then
        wait_gone "$pid" || kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}

stop_postgres
stop_mariadb
