#!/usr/bin/env bash
# Failover under load: two hosts behind nginx with Redis; wrk drives searches through nginx while one host is
# killed with SIGKILL. Passes when wrk saw no failed request and a conversation begun on the killed host
# continues on the other through Redis. Prints the wrk summary. Environment: DURATION (wrk seconds, 12).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-18080} FIRST_HOST_PORT=${FIRST_HOST_PORT:-18101} REDIS_PORT=${REDIS_PORT:-18379}
export RUN_DIR=${RUN_DIR:-/tmp/ictplan-failover}
# wrk drives thousands of searches a second from one address: the hosts' rate limits would answer most with 429.
export RateLimiting__Enabled=false
duration=${DURATION:-12}
trap 'deploy/stop-local.sh >/dev/null' EXIT
deploy/start-local.sh 2 >/dev/null
a=$FIRST_HOST_PORT
ask() { curl -fsS -X POST "http://127.0.0.1:$1/api/ask" -H 'Content-Type: application/json' --data "$2"; }

# A conversation begins on host A…
ask "$a" '{"question":"危機管理部の事業費を全部足すといくら？","conversation":"failover-1"}' >/dev/null

# …then host A dies in the middle of a load run through nginx.
query='q=%E3%82%BF%E3%83%96%E3%83%AC%E3%83%83%E3%83%88&top=5'
wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency "http://127.0.0.1:$PORT/api/search?$query" >"$RUN_DIR/wrk.txt" &
wrk_pid=$!
sleep $((duration / 3))
kill -9 "$(cat "$RUN_DIR/host-$a.pid")"
rm -f "$RUN_DIR/host-$a.pid"
wait $wrk_pid
cat "$RUN_DIR/wrk.txt"

failed=0
if grep -qE 'Non-2xx|Socket errors' "$RUN_DIR/wrk.txt"; then
  echo "FAIL: requests failed during the failover" >&2
  failed=1
fi
# The follow-up goes through nginx to the surviving host, which reads the conversation from Redis.
follow=$(ask "$PORT" '{"question":"そのうち予算が「—」で載ってないのは？","conversation":"failover-1"}')
if ! echo "$follow" | grep -q '"citations":\["3-11","3-12","3-13"\]'; then
  echo "FAIL: the conversation did not continue on the other host: $follow" >&2
  failed=1
fi
[ $failed -eq 0 ] && echo "PASS: no failed request; the conversation continued through Redis"
exit $failed
