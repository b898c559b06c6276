#!/usr/bin/env bash
# Stops what deploy/start-local.sh started.
set -uo pipefail
run=${RUN_DIR:-/tmp/ictplan-deploy}
[ -f "$run/nginx.pid" ] && nginx -p "$run" -c "$run/nginx.conf" -s quit 2>/dev/null
for pidfile in "$run"/host-*.pid "$run/redis.pid"; do
  [ -f "$pidfile" ] || continue
  kill "$(cat "$pidfile")" 2>/dev/null
  rm -f "$pidfile"
done
echo "stopped"
