#!/usr/bin/env bash
# The project's test command:  bash scripts/test.sh [extra `dotnet test` arguments]
# Starts throwaway PostgreSQL and MariaDB servers (tests needing a missing one are
# skipped), runs every test project, and ends with the line
#   N passed, N failed, N skipped
# Exit code is non-zero if the build or any test failed, or if no test ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$PWD/artifacts/test-results/$(date -u +%Y%m%dT%H%M%SZ)-$$"

stop_databases() {
    bash scripts/stop-databases.sh || echo "test.sh: warning: could not stop the test databases" >&2
    unset DENTALHUB_PG_DIR DENTALHUB_MARIADB_DIR
}

# $1 = connection-string variable, $2 = start script. A connection string that is
# already set (e.g. a developer's own server) is used as is.
start_database() {
    local var=$1 script=$2 exports
    if [[ -n ${!var:-} ]]; then
        echo "test.sh: using $var from the environment"
        return
    fi
    exports=$(bash "$script")
    if [[ -z $exports ]]; then
        echo "test.sh: $var not set; tests needing it will be skipped"
        return
    fi
    eval "$exports"
}

run_dotnet_test() {
    mkdir -p "$RESULTS"
    dotnet test DentalHub.slnx -c Release --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 \
        | tee "$RESULTS/dotnet-test.log"
    return "${PIPESTATUS[0]}"
}

# Prints the per-project lines, then any dotnet error, then the totals line last.
print_summary() {
    local test_rc=$1 summary
    summary=$(python3 scripts/summarize-trx.py "$RESULTS") || SUMMARY_RC=$?
    echo
    echo "== Test results (${RESULTS#"$PWD"/})"
    sed '$d' <<<"$summary"
    [[ $test_rc == 0 ]] || echo "ERROR: dotnet test exited with code $test_rc"
    tail -n 1 <<<"$summary"
}

main() {
    trap stop_databases EXIT
    start_database DENTALHUB_TEST_POSTGRES scripts/start-postgres.sh
    start_database DENTALHUB_TEST_MARIADB scripts/start-mariadb.sh
    if [[ -z ${DENTALHUB_CHROMIUM:-} && -x /usr/bin/chromium ]]; then
        export DENTALHUB_CHROMIUM=/usr/bin/chromium
    fi

    local test_rc=0
    run_dotnet_test "$@" || test_rc=$?
    # Stopped before the summary so that nothing is printed after the totals line.
    stop_databases

    SUMMARY_RC=0
    print_summary "$test_rc"
    ((test_rc != 0)) && exit "$test_rc"
    exit "$SUMMARY_RC"
}

main "$@"
