#!/usr/bin/env bash
# A real Elasticsearch node on 127.0.0.1 without Docker: the integ-test-zip
# distribution from Maven Central (see elasticsearch/pom.xml), cached once
# under $WIREWATCH_LOCAL_CACHE, configured under $WIREWATCH_LOCAL_DIR.
#
#   deploy/local/elasticsearch.sh start    fetch if needed, configure, start daemonised, wait for yellow
#   deploy/local/elasticsearch.sh stop     SIGTERM, wait, SIGKILL if it hangs
#   deploy/local/elasticsearch.sh status   exit 0 if the node answers yellow/green, 3 otherwise
#   deploy/local/elasticsearch.sh logs [N] last N lines of the node log (default 100)
#
# Environment: WIREWATCH_ES_PORT (9200), WIREWATCH_ES_HEAP (512m),
# WIREWATCH_ES_JAVA_HOME (default: newest JDK >= 21 under /usr/lib/jvm),
# WIREWATCH_ES_USER (when run as root; default nobody: Elasticsearch refuses root),
# WIREWATCH_ES_START_TIMEOUT seconds (240), WIREWATCH_LOCAL_DIR, WIREWATCH_LOCAL_CACHE.
set -euo pipefail
SERVICE_NAME=elasticsearch
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ES_VERSION="$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$LOCAL_ROOT/elasticsearch/pom.xml")"
ES_PORT="${WIREWATCH_ES_PORT:-9200}"
HEAP="${WIREWATCH_ES_HEAP:-512m}"
START_TIMEOUT="${WIREWATCH_ES_START_TIMEOUT:-240}"
STOP_GRACE=60
MIN_JAVA=21   # Elasticsearch 9.x

ES_USER="${WIREWATCH_ES_USER:-nobody}"

# Elasticsearch refuses to run as root, so as root it runs as $ES_USER, who must
# reach the distribution and the state directory. A checkout under a private
# directory (/root is 0700) is out of its reach: then keep the Elasticsearch
# cache and state under /var/tmp instead, one directory per checkout.
if [[ "$(id -u)" == 0 && -z "${WIREWATCH_LOCAL_CACHE:-}${WIREWATCH_LOCAL_DIR:-}" ]] \
        && ! setpriv --reuid="$ES_USER" --regid="$(id -g "$ES_USER")" --clear-groups -- test -x "$LOCAL_ROOT"; then
    fallback="/var/tmp/wirewatch-local-$(printf '%s' "$LOCAL_ROOT" | cksum | cut -d' ' -f1)"
    CACHE_DIR="$fallback/cache"
    RUN_DIR="$fallback/run"
fi

DIST_DIR="$CACHE_DIR/elasticsearch-$ES_VERSION"
STATE_DIR="$RUN_DIR/elasticsearch"
CONF_DIR="$STATE_DIR/config"
DATA_DIR="$STATE_DIR/data"
LOG_DIR="$STATE_DIR/logs"
TMP_DIR="$STATE_DIR/tmp"
PID_FILE="$STATE_DIR/elasticsearch.pid"
PID_MARKER="-Des.path.home=$DIST_DIR"   # the server JVM names its distribution; its pid file is ours alone
CLUSTER_NAME="wirewatch-local"
URL="http://$LOCAL_HOST:$ES_PORT"

fetch() {
    [[ -f "$DIST_DIR/.complete" ]] && return 0
    take_fetch_lock elasticsearch
    if [[ -f "$DIST_DIR/.complete" ]]; then release_fetch_lock; return 0; fi   # fetched meanwhile
    command -v mvn >/dev/null || die "mvn not found: Maven is needed once to fetch Elasticsearch"
    command -v unzip >/dev/null || die "unzip not found"
    log "fetching elasticsearch integ-test-zip $ES_VERSION from Maven Central"
    local downloads="$CACHE_DIR/downloads" staging="$DIST_DIR.partial"
    mkdir -p "$downloads"
    run_maven -f "$LOCAL_ROOT/elasticsearch/pom.xml" dependency:copy-dependencies \
        -DincludeTypes=zip -DoutputDirectory="$downloads" \
        || die "Maven could not resolve Elasticsearch $ES_VERSION (see output above)"
    rm -rf "$staging"
    mkdir -p "$staging"
    unzip -q "$downloads/elasticsearch-$ES_VERSION.zip" -d "$staging"
    rm -rf "$DIST_DIR"
    mv "$staging/elasticsearch-$ES_VERSION" "$DIST_DIR"
    rm -rf "$staging" "$downloads/elasticsearch-$ES_VERSION.zip"   # Maven keeps its own copy in ~/.m2
    touch "$DIST_DIR/.complete"   # written last: a half-finished fetch is redone
    log "unpacked to $DIST_DIR ($(ls "$DIST_DIR/modules" | tr '\n' ' '))"
    release_fetch_lock
}

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

# The newest JDK that Elasticsearch 9 supports; the machine default (17) is too old.
choose_java_home() {
    if [[ -n "${WIREWATCH_ES_JAVA_HOME:-}" ]]; then echo "$WIREWATCH_ES_JAVA_HOME"; return; fi
    local best="" best_major=0 home major
    for home in /usr/lib/jvm/*/; do
        home="${home%/}"
        [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
        major="$(java_major "$home")"
        [[ -n "$major" ]] && (( major > best_major )) && { best="$home"; best_major="$major"; }
    done
    (( best_major >= MIN_JAVA )) || die "no JDK >= $MIN_JAVA under /usr/lib/jvm; set WIREWATCH_ES_JAVA_HOME"
    echo "$best"
}

# Elasticsearch refuses to run as root; CI and these machines run as root.
run_as() {
    if [[ "$(id -u)" != 0 ]]; then "$@"; return; fi
    setpriv --reuid="$ES_USER" --regid="$(id -g "$ES_USER")" --clear-groups -- "$@"
}

# As root the node runs as $ES_USER: fail clearly, not with a Java stack trace,
# when an overridden WIREWATCH_LOCAL_DIR/_CACHE sits below a private directory.
check_reachable() {
    [[ "$(id -u)" == 0 ]] || return 0
    mkdir -p "$RUN_DIR"
    local dir
    for dir in "$DIST_DIR" "$RUN_DIR"; do
        run_as test -x "$dir" \
            || die "user $ES_USER cannot reach $dir; put WIREWATCH_LOCAL_DIR/WIREWATCH_LOCAL_CACHE under a directory others can traverse (e.g. /var/tmp)"
    done
}

write_config() {
    mkdir -p "$CONF_DIR/jvm.options.d" "$DATA_DIR" "$LOG_DIR" "$TMP_DIR"
    # Start from the distribution's own config files, then override ours.
    cp "$DIST_DIR/config/log4j2.properties" "$CONF_DIR/"
    # The stock GC log may grow to 32 x 64 MiB in the working directory: cap it and pin it.
    sed "s|^-Xlog:gc\*.*|-Xlog:gc*:file=$LOG_DIR/gc.log:utctime,level,pid,tags:filecount=2,filesize=16m|" \
        "$DIST_DIR/config/jvm.options" >"$CONF_DIR/jvm.options"
    cat >"$CONF_DIR/jvm.options.d/wirewatch-heap.options" <<OPTS
-Xms$HEAP
-Xmx$HEAP
-XX:ErrorFile=$LOG_DIR/hs_err_pid%p.log
-XX:HeapDumpPath=$TMP_DIR
OPTS
    cat >"$CONF_DIR/elasticsearch.yml" <<YAML
# Generated by deploy/local/elasticsearch.sh: one dev/CI node, loopback only.
cluster.name: $CLUSTER_NAME
node.name: single
discovery.type: single-node
network.host: $LOCAL_HOST
http.port: $ES_PORT
path.data: $DATA_DIR
path.logs: $LOG_DIR
# Plain HTTP on loopback, like the compose file's dev profile; production reads TLS
# and credentials from wirewatch's config.
xpack.security.enabled: false
# CI disks can be nearly full; never turn indices read-only or refuse shards for it here.
cluster.routing.allocation.disk.threshold_enabled: false
# Tests clean up with wildcards (DELETE test-*).
action.destructive_requires_name: false
YAML
    if [[ "$(id -u)" == 0 ]]; then
        chown -R "$ES_USER:" "$STATE_DIR"
    fi
}

healthy() {
    curl -sf --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
        | grep -q "\"cluster_name\":\"$CLUSTER_NAME\"" 2>/dev/null
}

foreign_node_answers() {
    curl -sf --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

start() {
    take_lock elasticsearch
    local pid java_home
    if pid="$(live_pid "$PID_FILE" "$PID_MARKER")"; then
        wait_healthy
        log "already running (pid $pid) at $URL"
        return 0
    fi
    if foreign_node_answers; then
        log "a node not started by this script already answers at $URL: reusing it"
        return 0
    fi
    port_open "$ES_PORT" && die "port $ES_PORT is taken by something that is not a healthy Elasticsearch"

    fetch
    check_reachable
    write_config
    java_home="$(choose_java_home)"
    rm -f "$PID_FILE"
    log "starting $ES_VERSION at $URL (Java $(java_major "$java_home") from $java_home, heap $HEAP)"
    # -d: the launcher returns once the node has started (or failed); -p: the server JVM's pid.
    # 9>&-: the node must not inherit the start lock.
    if ! (cd "$STATE_DIR" && run_as env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$CONF_DIR" \
            ES_TMPDIR="$TMP_DIR" HOME="$STATE_DIR" ES_JAVA_OPTS="${ES_JAVA_OPTS:-}" \
            "$DIST_DIR/bin/elasticsearch" -d -p "$PID_FILE" \
            </dev/null >"$LOG_DIR/launcher.out" 2>&1 9>&-); then
        show_tail "$LOG_DIR/launcher.out"
        show_tail "$LOG_DIR/$CLUSTER_NAME.log"
        die "elasticsearch failed to start"
    fi
    wait_healthy
    log "ready: $URL (pid $(cat "$PID_FILE"))"
}

wait_healthy() {
    local deadline=$((SECONDS + START_TIMEOUT))
    until healthy; do
        if ! live_pid "$PID_FILE" "$PID_MARKER" >/dev/null; then
            show_tail "$LOG_DIR/$CLUSTER_NAME.log"
            die "elasticsearch is not running"
        fi
        (( SECONDS >= deadline )) && die "not yellow/green after ${START_TIMEOUT}s (see $LOG_DIR)"
        sleep 1
    done
}

stop() {
    take_lock elasticsearch
    stop_process "$PID_FILE" "$PID_MARKER" "$STOP_GRACE"
}

status() {
    local pid
    if pid="$(live_pid "$PID_FILE" "$PID_MARKER")"; then
        if healthy; then echo "elasticsearch: running (pid $pid), healthy at $URL"; return 0; fi
        echo "elasticsearch: running (pid $pid), NOT healthy at $URL"; return 3
    fi
    if foreign_node_answers; then echo "elasticsearch: a node not started here answers at $URL"; return 0; fi
    echo "elasticsearch: not running"
    return 3
}

logs() {
    tail -n "${1:-100}" "$LOG_DIR/$CLUSTER_NAME.log" 2>/dev/null || die "no log yet in $LOG_DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    logs) logs "${2:-}" ;;
    fetch) fetch ;;
    *) echo "usage: $0 {start|stop|status|logs [N]|fetch}" >&2; exit 2 ;;
esac
