#!/usr/bin/env bash
# How the cost grows with the size of the plan collection: for the bundled plan (103 rows) and synthetic
# collections of the given sizes (`ictplan generate-corpus`, fixed seed), the index build (rows/s beside the
# floor of reading and MeCab-parsing the same documents, index size), the retrieval latency percentiles (beside a
# plain Lucene search of the same words on the same index) and the memory of the serving web host.
#
#   benchmarks/scale.sh [--work DIR] [--rounds N] [SIZE ...]      (default sizes: 10000 100000 1000000)
#
#   --work DIR    where the corpora and indexes are kept between runs (default: ${TMPDIR:-/tmp}/ictplan-scale);
#                 a corpus already generated there is reused, every index is built again
#   --rounds N    rounds of the 96 evaluation questions per size for the latency figures (default 3)
#
# A million rows take some 0.7 GB of documents and 1 GB of index, and several minutes to build on 2 cores.
# Needs the .NET 10 SDK, MeCab (scripts/install-deps.sh) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

work="${TMPDIR:-/tmp}/ictplan-scale"
rounds=3
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="${2:?--work needs a directory}"; shift ;;
    --rounds) rounds="${2:?}"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "scale.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
mkdir -p "$work"

log="$work/build.log"
quietly() { "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; }
quietly dotnet build src/IctPlanAssistant.Cli -c Release --nologo
quietly dotnet build src/IctPlanAssistant.Web -c Release --nologo
quietly dotnet build benchmarks/IctPlanAssistant.Benchmarks -c Release --nologo
ictplan() { dotnet src/IctPlanAssistant.Cli/bin/Release/net10.0/ictplan.dll "$@"; }
bench() { dotnet benchmarks/IctPlanAssistant.Benchmarks/bin/Release/net10.0/IctPlanAssistant.Benchmarks.dll "$@"; }

host_pid=""
stop_host() { if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; host_pid=""; fi; }
trap stop_host EXIT

# The serving process's memory: after it has answered every evaluation question once (uncached), then after a
# 10-second load run of the same questions at 8 connections.
serving_memory() { # $1: index
  local port url
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  ASPNETCORE_URLS="$url" Index__Path="$1" Assistant__AnswerCacheSize=0 RateLimiting__Enabled=false \
    Logging__LogLevel__Default=Warning dotnet src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll >"$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 240); do curl -fs "$url/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  awk '/VmRSS/ {printf "  started:                 RSS %4.0f MB\n", $2/1024}' "/proc/$host_pid/status"
  python3 - "$url" <<'PY'
import json, sys, urllib.request
for f in ("dev-questions.jsonl", "extra-questions.jsonl"):
    for line in open(f"tests/eval/{f}", encoding="utf-8"):
        if line.strip():
            body = json.dumps({"question": json.loads(line)["question"]}).encode()
            urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/api/ask", data=body, headers={"Content-Type": "application/json"}), timeout=120).read()
PY
  awk '/VmRSS/ {printf "  each question once:      RSS %4.0f MB\n", $2/1024}' "/proc/$host_pid/status"
  if command -v wrk >/dev/null; then
    python3 - "$work/ask.lua" <<'PY'
import json, sys
qs = [json.dumps({"question": json.loads(l)["question"]}, ensure_ascii=False) for f in ("dev-questions.jsonl", "extra-questions.jsonl")
      for l in open(f"tests/eval/{f}", encoding="utf-8") if l.strip()]
open(sys.argv[1], "w", encoding="utf-8").write("local b = {\n" + ",\n".join("[==[" + q + "]==]" for q in qs) + """}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function() i = i % #b + 1; return wrk.format(nil, nil, nil, b[i]) end
""")
PY
    wrk -t2 -c8 -d10s --timeout 30s -s "$work/ask.lua" "$url/api/ask" | grep -E "Requests/sec|Non-2xx|Socket" | sed 's/^/  wrk \/api\/ask (uncached): /'
    awk '/VmRSS|VmHWM/ {printf "  after the load run:      %s %4.0f MB\n", $1, $2/1024}' "/proc/$host_pid/status"
  fi
  stop_host
}

measure() { # $1: label, $2: index, $3...: ingest sources
  local label=$1 index=$2
  shift 2
  echo "## $label"
  rm -rf "$index"
  local start end rows
  start=$(date +%s.%N)
  ictplan ingest --index "$index" "$@" >"$work/ingest.log" 2>&1 || { cat "$work/ingest.log" >&2; exit 1; }
  end=$(date +%s.%N)
  rows=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]+"/current/manifest.json"))["rows"])' "$index")
  python3 -c "import sys; r,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'index build (ictplan ingest, whole process): {r:,} rows in {e-s:.1f} s = {r/(e-s):,.0f} rows/s')" "$rows" "$start" "$end"
  echo "index size: $(du -sb "$index/current/" | awk '{printf "%.1f MB", $1/1048576}') ($(du -sb "$index/current/" | cut -f1) bytes)"
  echo "baseline, reading the same documents and MeCab-parsing their text (benchmarks --ingest-floor):"
  local sources=()
  for s in "$@"; do [ "$s" = --source ] || sources+=("$s"); done
  bench --ingest-floor "${sources[0]}" | sed 's/^/  /'
  echo "retrieval latency (benchmarks --latency, $rounds rounds):"
  bench --latency "$index" "$rounds" | sed 's/^/  /'
  echo "serving memory (web host, answer cache off):"
  serving_memory "$index"
  echo
}

echo "# scale run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
measure "bundled plan" "$work/index-bundled" --source data/plans
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    ictplan generate-corpus --rows "$n" --out "$corpus" >/dev/null
    touch "$corpus/.complete"
  fi
  measure "$n synthetic rows" "$work/index-$n" --source "$corpus"
done
