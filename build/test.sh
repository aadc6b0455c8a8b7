#!/usr/bin/env bash
# The one test command: installs what the tests need when it is absent, builds the solution once,
# runs every test project (tests/**/*Tests.csproj), and ends with one line "N passed, N failed" totalled over all
# projects.
#
# Environment (all optional):
#   CONFIGURATION   build configuration, Debug (default) or Release
#   ARTIFACTS       build with `--artifacts-path $ARTIFACTS` instead of the in-tree bin/ and obj/ folders
#   RESULTS_DIR     where the TRX files go (default build/out/test-results)
#   TEST_POSTGRES   a PostgreSQL connection string; when set, no PostgreSQL is installed and the
#                   database tests use that server instead of starting a throwaway cluster
#   TEST_SQLSERVER  a SQL Server connection string (login may CREATE DATABASE); without it the SQL Server
#                   database tests are skipped (counted as skipped, never as passed)
#   TEST_FILTER     passed to `dotnet test --filter` (for a quick local run of some tests)
#   TEST_HANG_TIMEOUT  a test project whose tests hang this long is stopped and counted as failed (default 15m)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONFIGURATION="${CONFIGURATION:-Debug}"
ARTIFACTS="${ARTIFACTS:-}"
RESULTS_DIR="${RESULTS_DIR:-$ROOT/build/out/test-results}"
CLIENTS_DIR="$ROOT/build/clients"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

SCRIPT_START=$SECONDS
STEP_START=$SECONDS
step() { STEP_START=$SECONDS; echo; echo "==> $*"; }
done_step() { echo "    ($((SECONDS - STEP_START)) s)"; }
die() { echo "build/test.sh: $*" >&2; exit 2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

apt_updated=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "cannot install $* here: apt-get not found; install it by hand"
    if [ "$apt_updated" -eq 0 ]; then
        as_root apt-get update
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

postgres_bin_present() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            return 0
        fi
    done
    return 1
}

# ---------------------------------------------------------------------------------------------------------------
step "1/4 PostgreSQL server binaries (for the database tests)"
if [ -n "${TEST_POSTGRES:-}" ]; then
    echo "    skipped: TEST_POSTGRES is set; the database tests use that server"
elif postgres_bin_present; then
    echo "    skipped: initdb and pg_ctl are already installed"
else
    echo "    initdb/pg_ctl not found: installing Debian's postgresql package"
    apt_install postgresql
    # The package may start its own 'main' cluster; the tests never use it (their fixture starts a throwaway one).
    postgres_bin_present || die "postgresql was installed but initdb/pg_ctl are still not found"
fi
done_step

# ---------------------------------------------------------------------------------------------------------------
step "2/4 npm tools in build/clients (redocly, openai, langchain)"
command -v npm >/dev/null 2>&1 || die "npm is not installed; install Node.js 20+ with npm first"
lock_hash="$(sha256sum "$CLIENTS_DIR/package-lock.json" "$CLIENTS_DIR/package.json" | sha256sum | cut -d' ' -f1)"
stamp="$CLIENTS_DIR/node_modules/.suno-lock-hash"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
    echo "    skipped: node_modules matches package-lock.json"
else
    if [ -d "$CLIENTS_DIR/node_modules" ]; then
        echo "    node_modules is stale: running npm ci"
    else
        echo "    node_modules is missing: running npm ci"
    fi
    (cd "$CLIENTS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$stamp"
fi
done_step

# ---------------------------------------------------------------------------------------------------------------
build_args=(-c "$CONFIGURATION" --nologo)
if [ -n "$ARTIFACTS" ]; then
    build_args+=(--artifacts-path "$ARTIFACTS")
fi

step "3/4 dotnet build Suno.Api.sln (${CONFIGURATION}${ARTIFACTS:+, artifacts in $ARTIFACTS})"
if ! dotnet build Suno.Api.sln "${build_args[@]}" -v quiet; then
    echo "build/test.sh: the build failed (errors above); no test was run" >&2
    exit 1
fi
done_step

# ---------------------------------------------------------------------------------------------------------------
step "4/4 dotnet test, one project at a time (TRX files in ${RESULTS_DIR#"$ROOT"/}/<project>/)"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

mapfile -t projects < <(find tests -name '*Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
[ "${#projects[@]}" -gt 0 ] || die "no test project found under tests/"

# Reads one attribute of the <Counters> element of a TRX file (0 when absent).
counter() {
    local value
    value="$(grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
    echo "${value:-0}"
}

total_passed=0
total_failed=0
total_skipped=0
broken=()
summary=()
for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    project_results="$RESULTS_DIR/$name"
    trx="$project_results/$name.trx"
    # A hung test host is killed after TEST_HANG_TIMEOUT without output, so the run always ends (and reports it).
    test_args=("$project" --no-build "${build_args[@]}" --results-directory "$project_results"
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal"
        --blame-hang-timeout "${TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none)
    if [ -n "${TEST_FILTER:-}" ]; then
        test_args+=(--filter "$TEST_FILTER")
    fi
    started=$SECONDS
    echo
    echo "--- $name"
    rc=0
    dotnet test "${test_args[@]}" || rc=$?
    seconds=$((SECONDS - started))
    if [ ! -f "$trx" ]; then
        # A project that produced no results counts as one failed test, so the closing line cannot read as green.
        broken+=("$name (no test results; dotnet test exit code $rc; counted as 1 failed)")
        summary+=("$(printf '%-42s did not run (exit code %s, %s s)' "$name" "$rc" "$seconds")")
        total_failed=$((total_failed + 1))
        continue
    fi
    total="$(counter "$trx" total)"
    passed="$(counter "$trx" passed)"
    failed=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
    skipped=$((total - passed - failed))
    [ "$skipped" -ge 0 ] || skipped=0
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # The run aborted (a crashed or hung test host): count it as one failed test and name what was running.
        failed=1
        total_failed=$((total_failed + 1))
        unfinished="$(grep -ho 'Name="[^"]*"[^>]*Completed="False"' "$project_results"/*/Sequence_*.xml 2>/dev/null \
            | sed 's/^Name="\([^"]*\)".*/\1/' | sort -u | paste -sd, - || true)"
        broken+=("$name (dotnet test exit code $rc with no failed test: the test run aborted${unfinished:+ during $unfinished}; counted as 1 failed)")
    fi
    summary+=("$(printf '%-42s %4d passed, %4d failed, %4d skipped  (%s s)' "$name" "$passed" "$failed" "$skipped" "$seconds")")
done

echo
echo "==> Results per project"
printf '    %s\n' "${summary[@]}"
for problem in "${broken[@]+"${broken[@]}"}"; do
    echo "    PROBLEM: $problem"
done
if [ "$((total_passed + total_failed))" -eq 0 ]; then
    echo "    PROBLEM: no test ran"
fi
echo "    total time $((SECONDS - SCRIPT_START)) s"
echo
if [ "$total_skipped" -gt 0 ]; then
    echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
    echo "$total_passed passed, $total_failed failed"
fi

if [ "$total_failed" -gt 0 ] || [ "${#broken[@]}" -gt 0 ] || [ "$((total_passed + total_failed))" -eq 0 ]; then
    exit 1
fi
