#!/usr/bin/env bash
# Start, stop or check both local services (Kafka and Elasticsearch) at once.
#   deploy/local/services.sh start    both in parallel; fails if either fails
#   deploy/local/services.sh stop     both; always tries both
#   deploy/local/services.sh status   exit 0 only if both are ready
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVICES=(kafka elasticsearch)

run_all_parallel() {
    local action="$1" pids=() failed=0 i
    for service in "${SERVICES[@]}"; do
        "$HERE/$service.sh" "$action" &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do
        if ! wait "${pids[$i]}"; then
            echo "[services] $action failed for ${SERVICES[$i]}" >&2
            failed=1
        fi
    done
    return "$failed"
}

status_all() {
    local failed=0
    for service in "${SERVICES[@]}"; do
        "$HERE/$service.sh" status || failed=3
    done
    return "$failed"
}

case "${1:-}" in
    start) run_all_parallel start ;;
    stop) run_all_parallel stop ;;
    status) status_all ;;
    *) echo "usage: $0 {start|stop|status}" >&2; exit 2 ;;
esac
