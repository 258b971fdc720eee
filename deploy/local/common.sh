# Shared helpers for deploy/local/*.sh. Sourced, never executed.
#
# Layout (every path can be moved with an environment variable):
#   WIREWATCH_LOCAL_CACHE  fetched server binaries   (default deploy/local/.cache)
#   WIREWATCH_LOCAL_DIR    data, logs, PID files      (default deploy/local/run)
# Both defaults are git-ignored.

LOCAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${WIREWATCH_LOCAL_CACHE:-$LOCAL_ROOT/.cache}"
RUN_DIR="${WIREWATCH_LOCAL_DIR:-$LOCAL_ROOT/run}"
LOCAL_HOST="127.0.0.1"   # every listener binds loopback only

log() { printf '[%s] %s\n' "${SERVICE_NAME:-local}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Echo the PID stored in $1 if that process is alive and its command line
# contains $2 (guards against a recycled PID after a crash or reboot).
live_pid() {
    local pidfile="$1" marker="$2" pid
    [[ -f "$pidfile" ]] || return 1
    pid="$(<"$pidfile")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
    echo "$pid"
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$LOCAL_HOST/$1" 2>/dev/null
}

# SIGTERM, wait up to $3 seconds for a clean exit, then SIGKILL.
stop_process() {
    local pidfile="$1" marker="$2" grace="$3" pid waited=0
    if ! pid="$(live_pid "$pidfile" "$marker")"; then
        log "not running"
        rm -f "$pidfile"
        return 0
    fi
    log "stopping pid $pid (SIGTERM, up to ${grace}s)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if (( waited >= grace )); then
            log "still alive after ${grace}s: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
    rm -f "$pidfile"
    log "stopped"
}

# Serialise start/stop of one service across concurrent callers (two pytest
# sessions, CI plus a developer shell) so "start" stays idempotent.
take_lock() {
    local name="$1"
    mkdir -p "$RUN_DIR"
    exec 9>"$RUN_DIR/$name.lock"
    flock -w 300 9 || die "timed out waiting for $RUN_DIR/$name.lock"
}

# Serialise fetching into the shared cache: brokers with private run dirs (tests
# set WIREWATCH_LOCAL_DIR) still share one cache. Released by release_fetch_lock.
take_fetch_lock() {
    mkdir -p "$CACHE_DIR"
    exec 8>"$CACHE_DIR/.$1.fetch.lock"
    flock -w 900 8 || die "timed out waiting for $CACHE_DIR/.$1.fetch.lock"
}
release_fetch_lock() { exec 8>&-; }

# Run Maven quietly and non-interactively; show its output only on failure.
run_maven() {
    local out
    out="$(mktemp)"
    if ! mvn -B -q "$@" >"$out" 2>&1; then
        cat "$out" >&2
        rm -f "$out"
        return 1
    fi
    rm -f "$out"
}

# Print the last $2 lines of file $1 (used when a server dies during start).
show_tail() {
    [[ -f "$1" ]] && { log "last lines of $1:"; tail -n "${2:-40}" "$1" >&2; }
    return 0
}
