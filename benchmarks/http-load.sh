#!/usr/bin/env bash
# HTTP throughput of one web host (Release build) with wrk on loopback: requests/s and latency percentiles of
# /api/ask (built-in composer) and /api/messages (Bot Framework, deliveryMode expectReplies), each beside the
# bare endpoint /livez of the same host measured in the same run (the ceiling of the stack on this machine),
# once with the answer cache and once without it. Prints a Markdown table, and the host's memory.
#
#   benchmarks/http-load.sh [--index DIR] [--duration SECONDS] [--connections N]
#
#   --index DIR        serve this index (default: the bundled plan, indexed into a temporary directory)
#   --duration S       seconds of each measured run (default 10; each run follows a 3-second warm-up)
#   --connections N    concurrent connections (default 32), over 2 wrk threads
#
# Questions: the 96 questions of tests/eval, each request the next one, each a first turn (a new conversation
# per bot message). Needs wrk (scripts/install-deps.sh test), the .NET 10 SDK and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

index=""
duration=10
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index="${2:?--index needs a directory}"; shift ;;
    --duration) duration="${2:?}"; shift ;;
    --connections) connections="${2:?}"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http-load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "http-load.sh: wrk is not installed (scripts/install-deps.sh test)" >&2; exit 1; }

work=$(mktemp -d)
host_pid=""
stop_host() { if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; host_pid=""; fi; }
trap 'stop_host; rm -rf "$work"' EXIT

quietly() { "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }; }
quietly dotnet build src/IctPlanAssistant.Web -c Release --nologo
quietly dotnet build src/IctPlanAssistant.Cli -c Release --nologo
if [ -z "$index" ]; then
  index="$work/index"
  quietly dotnet src/IctPlanAssistant.Cli/bin/Release/net10.0/ictplan.dll ingest --index "$index"
fi
rows=$(python3 -c 'import json,sys,os; print(json.load(open(os.path.join(sys.argv[1],"current","manifest.json")))["rows"])' "$index")

# wrk scripts: each request carries the next question of the evaluation sets.
python3 benchmarks/wrk-scripts.py "$work"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
start_host() { # $1: answer cache size
  ASPNETCORE_URLS="$url" Index__Path="$index" Assistant__AnswerCacheSize="$1" \
    RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll >"$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "http-load.sh: the host did not become ready" >&2; cat "$work/host.log" >&2; exit 1
}

# One wrk run: prints "rps p50 p99 errors" (latencies in ms).
measure() { # $1: path, $2: lua script or ""
  local script=()
  [ -n "$2" ] && script=(-s "$work/$2")
  wrk -t2 -c"$connections" -d3s --timeout 10s "${script[@]}" "$url$1" >/dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "${script[@]}" "$url$1" >"$work/wrk.txt"
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    v = float(m.group(1)); return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {errors}")
PY
}

memory() { awk '/VmRSS|VmHWM/ {printf "%s %.0f MB  ", $1, $2/1024}' "/proc/$host_pid/status"; }

echo "Index $index: $rows rows. wrk: 2 threads, $connections connections, ${duration} s per run after a 3 s warm-up."
echo
echo "| answer cache | endpoint | requests/s | p50 ms | p99 ms | failed | vs /livez |"
echo "|---|---|---:|---:|---:|---:|---:|"
for cache in 1000 0; do
  start_host "$cache"
  label=$([ "$cache" = 0 ] && echo "off" || echo "on ($cache)")
  read -r bare p50 p99 failed < <(measure /livez "")
  echo "| $label | GET /livez (constant) | $bare | $p50 | $p99 | $failed | 100 % |"
  for run in "/api/ask ask.lua POST /api/ask" "/api/messages messages.lua POST /api/messages (expectReplies)"; do
    set -- $run
    read -r rps p50 p99 failed < <(measure "$1" "$2")
    shift 2
    echo "| $label | $* | $rps | $p50 | $p99 | $failed | $(python3 -c "print(f'{100*$rps/$bare:.1f} %')") |"
  done
  mem_line="answer cache $label: host memory after the runs: $(memory)"
  mem_lines+=("$mem_line")
  stop_host
done
echo
printf '%s\n' "${mem_lines[@]}"
