#!/usr/bin/env bash
# Search-as-you-type through HTTP: GET /api/suggest on the Release web host over an existing index, one client on
# loopback sending the prefixes of `benchmarks --suggest-prefixes` (1-4 kana or kanji of the bundled plan's names
# and their words) one after another on a kept-alive connection; round-trip p50/p90/p99 after one warm-up pass.
#
#   benchmarks/suggest-http.sh INDEX [ROUNDS]        (ROUNDS: measured passes over the prefixes, default 3)
#
# Needs the .NET 10 SDK, MeCab and python3. The host runs with rate limits off (a load test is one client).
set -euo pipefail
cd "$(dirname "$0")/.."
index="${1:?usage: benchmarks/suggest-http.sh INDEX [ROUNDS]}"
rounds="${2:-3}"
work="$(mktemp -d)"
dotnet build src/IctPlanAssistant.Web -c Release --nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dotnet build benchmarks/IctPlanAssistant.Benchmarks -c Release --nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dotnet benchmarks/IctPlanAssistant.Benchmarks/bin/Release/net10.0/IctPlanAssistant.Benchmarks.dll --suggest-prefixes >"$work/prefixes.txt"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ASPNETCORE_URLS="http://127.0.0.1:$port" Index__Path="$index" RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll >"$work/host.log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

python3 - "$port" "$work/prefixes.txt" "$rounds" <<'PY'
import http.client, sys, time, urllib.parse
port, path, rounds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
prefixes = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip()]
conn = http.client.HTTPConnection("127.0.0.1", port)
def get(p):
    conn.request("GET", "/api/suggest?q=" + urllib.parse.quote(p))
    r = conn.getresponse(); r.read()
    assert r.status == 200, (p, r.status)
for p in prefixes: get(p)  # warm-up
times = []
for _ in range(rounds):
    for p in prefixes:
        t = time.perf_counter(); get(p); times.append((time.perf_counter() - t) * 1000)
times.sort()
q = lambda f: times[min(len(times) - 1, int(-(-f * len(times) // 1)) - 1)]
print(f"GET /api/suggest, {len(prefixes)} prefixes x {rounds} rounds = {len(times)} requests, one client, kept-alive loopback")
print(f"round trip ms: p50 {q(0.5):.3f}  p90 {q(0.9):.3f}  p99 {q(0.99):.3f}  max {times[-1]:.3f}  mean {sum(times)/len(times):.3f}")
PY
