#!/usr/bin/env bash
# Starts the scale-out layout on loopback: Redis (shared conversations), N web hosts and nginx in front.
#   deploy/start-local.sh [HOSTS=2]        environment: PORT (nginx, 8080), FIRST_HOST_PORT (5101), REDIS_PORT (6379),
#                                          RUN_DIR (/tmp/ictplan-deploy), Index__Path (index)
# Stop with deploy/stop-local.sh. Needs redis-server and nginx (scripts/install-deps.sh test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-2}
port=${PORT:-8080}
first=${FIRST_HOST_PORT:-5101}
redis_port=${REDIS_PORT:-6379}
run=${RUN_DIR:-/tmp/ictplan-deploy}
index=$(realpath -m "${Index__Path:-index}")
mkdir -p "$run"

dotnet build IctPlanAssistant.sln -c Release -nologo -v quiet
web=src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll
[ -e "$index/current" ] || dotnet src/IctPlanAssistant.Cli/bin/Release/net10.0/ictplan.dll ingest --index "$index" >/dev/null

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$run/redis.pid" --logfile "$run/redis.log"
echo "redis    127.0.0.1:$redis_port"

upstreams=""
for i in $(seq 0 $((hosts - 1))); do
  p=$((first + i))
  Index__Path="$index" Conversations__Store=Redis Conversations__Redis="127.0.0.1:$redis_port" \
    nohup dotnet "$web" --urls "http://127.0.0.1:$p" >"$run/host-$p.log" 2>&1 &
  echo $! >"$run/host-$p.pid"
  upstreams+="        server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'
  echo "host     127.0.0.1:$p (pid $(cat "$run/host-$p.pid"))"
done

sed -e "s#__RUN__#$run#g" -e "s#__PORT__#$port#g" deploy/nginx.conf.template |
  awk -v ups="$upstreams" '{ if ($0 ~ /__UPSTREAMS__/) printf "%s", ups; else print }' >"$run/nginx.conf"
nginx -p "$run" -c "$run/nginx.conf"
echo "nginx    127.0.0.1:$port"

for i in $(seq 0 $((hosts - 1))); do
  p=$((first + i))
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$p/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$p/healthz" >/dev/null || { echo "host $p did not start; see $run/host-$p.log" >&2; exit 1; }
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
echo "ready: http://127.0.0.1:$port"
