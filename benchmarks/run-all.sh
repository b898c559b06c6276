#!/usr/bin/env bash
# The figures of docs/benchmarks.md's targets in one run, each beside its baseline measured in the same run:
#   - uncached POST /api/ask and POST /api/messages (expectReplies) requests/s beside GET /healthz of the same host
#     (bundled plan, answer cache off, wrk on loopback);
#   - retrieval p99 at N synthetic rows (benchmarks --latency), beside a plain Lucene search of the same words;
#   - index build of the N rows (whole `ictplan ingest` process) beside the floor of parsing + MeCab on every core.
# With --base REF the same figures are measured for another commit too (built from `git archive REF` in the work
# directory), interleaved with this tree's: the HTTP runs alternate between the two hosts round by round, and the
# builds and latency runs alternate. The table gives each figure, its same-run baseline, the ratio, the target,
# and the base commit's figure beside it.
#
#   benchmarks/run-all.sh [--base REF] [--rows N] [--work DIR] [--duration S] [--rounds R] [--connections C]
#
#   --base REF       also measure this commit (e.g. main), interleaved
#   --rows N         rows of the synthetic collection for the retrieval and build figures (default 100000; 0 skips them)
#   --work DIR       corpora, indexes and the base build (default: ${TMPDIR:-/tmp}/ictplan-run-all); kept between runs
#   --duration S     seconds of each wrk run (default 5, after a 2-second warm-up)
#   --rounds R       HTTP rounds per host (default 3; the ratio is the median of the rounds' ratios)
#   --connections C  wrk connections (default 16, over 2 threads)
#
# Needs wrk (scripts/install-deps.sh test), the .NET 10 SDK, MeCab and python3. State the load average with the
# figures: on a shared machine, the ratios (not the absolute figures) are what a run can be compared on.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

base=""
rows=100000
work="${TMPDIR:-/tmp}/ictplan-run-all"
duration=5
rounds=3
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="${2:?--base needs a commit}"; shift ;;
    --rows) rows="${2:?}"; shift ;;
    --work) work="${2:?}"; shift ;;
    --duration) duration="${2:?}"; shift ;;
    --rounds) rounds="${2:?}"; shift ;;
    --connections) connections="${2:?}"; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "run-all.sh: wrk is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
mkdir -p "$work"
results="$work/results.tsv" # build, figure, value
: >"$results"
log="$work/build.log"
quietly() { "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; }

# The trees measured: "head" (this working tree) and, with --base, the base commit's sources.
declare -A tree
tree[head]=$repo
builds=(head)
if [ -n "$base" ]; then
  base_commit=$(git rev-parse --short "$base")
  tree[base]="$work/base-$base_commit"
  if [ ! -f "${tree[base]}/.complete" ]; then
    rm -rf "${tree[base]}"; mkdir -p "${tree[base]}"
    git archive "$base_commit" | tar -x -C "${tree[base]}"
    touch "${tree[base]}/.complete"
  fi
  builds=(base head)
fi
for b in "${builds[@]}"; do
  for p in src/IctPlanAssistant.Web src/IctPlanAssistant.Cli benchmarks/IctPlanAssistant.Benchmarks; do
    quietly dotnet build "${tree[$b]}/$p" -c Release --nologo
  done
done
ictplan() { local b=$1; shift; dotnet "${tree[$b]}/src/IctPlanAssistant.Cli/bin/Release/net10.0/ictplan.dll" "$@"; }
bench() { local b=$1; shift; (cd "${tree[$b]}" && dotnet benchmarks/IctPlanAssistant.Benchmarks/bin/Release/net10.0/IctPlanAssistant.Benchmarks.dll "$@"); }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; }

echo "# run-all $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, head $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benchmarks || echo '+changes')${base:+, base $base ($base_commit)}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- HTTP: one host per build over its own index of the bundled plan, answer cache off ----
declare -A host_pid url
stop_hosts() { for b in "${!host_pid[@]}"; do kill "${host_pid[$b]}" 2>/dev/null || true; wait "${host_pid[$b]}" 2>/dev/null || true; done; }
trap stop_hosts EXIT
python3 benchmarks/wrk-scripts.py "$work" # ask.lua, messages.lua: each request the next evaluation question
for b in "${builds[@]}"; do
  quietly ictplan "$b" ingest --index "$work/index-bundled-$b"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url[$b]="http://127.0.0.1:$port"
  ASPNETCORE_URLS="${url[$b]}" Index__Path="$work/index-bundled-$b" Assistant__AnswerCacheSize=0 \
    RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "${tree[$b]}/src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll" >"$work/host-$b.log" 2>&1 &
  host_pid[$b]=$!
  for _ in $(seq 1 240); do curl -fs "${url[$b]}/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "${url[$b]}/healthz" >/dev/null || { cat "$work/host-$b.log" >&2; exit 1; }
done
wrk_rps() { # $1: build, $2: path, $3: lua script or "" -> requests/s (failed requests make it 0)
  local script=()
  [ -n "$3" ] && script=(-s "$work/$3")
  wrk -t2 -c"$connections" -d2s --timeout 10s "${script[@]}" "${url[$1]}$2" >/dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s "${script[@]}" "${url[$1]}$2" >"$work/wrk.txt"
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
failed = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
failed += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
print(0 if failed else float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
PY
}
# Warm the JIT of every host on the measured paths first, then alternate: round by round, build by build.
for b in "${builds[@]}"; do wrk_rps "$b" /api/ask ask.lua >/dev/null; wrk_rps "$b" /api/messages messages.lua >/dev/null; done
for r in $(seq 1 "$rounds"); do
  for b in "${builds[@]}"; do
    record "$b" healthz "$(wrk_rps "$b" /healthz "")"
    record "$b" ask "$(wrk_rps "$b" /api/ask ask.lua)"
    record "$b" messages "$(wrk_rps "$b" /api/messages messages.lua)"
  done
done
stop_hosts
trap - EXIT
echo "load average after the HTTP runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- a synthetic collection: index build beside the floor, retrieval latency beside plain Lucene ----
if [ "$rows" -gt 0 ]; then
  corpus="$work/corpus-$rows"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    ictplan head generate-corpus --rows "$rows" --out "$corpus" >/dev/null
    touch "$corpus/.complete"
  fi
  bench head --ingest-floor "$corpus" >"$work/floor.txt"
  record head floor "$(awk '/^floor/ {gsub(",", "", $(NF-4)); print $(NF-4)}' "$work/floor.txt")"
  for b in "${builds[@]}"; do
    rm -rf "$work/index-$rows-$b"
    start=$(date +%s.%N)
    quietly ictplan "$b" ingest --index "$work/index-$rows-$b" --source "$corpus"
    end=$(date +%s.%N)
    record "$b" build "$(python3 -c "import sys; print($rows / ($end - $start))")"
  done
  for b in "${builds[@]}"; do
    bench "$b" --latency "$work/index-$rows-$b" 3 >"$work/latency-$b.txt"
    record "$b" lucene_p99 "$(awk '/^Lucene search/ {print $6}' "$work/latency-$b.txt")"
    # (Not the same stages' thread-CPU lines, which start alike.)
    record "$b" retrieve_p99 "$(awk '/^retrieve \(answer\)/ && !/thread CPU/ {print $5}' "$work/latency-$b.txt")"
    record "$b" layer_p99 "$(awk '/^retrieval layer/ && !/thread CPU/ {print $6}' "$work/latency-$b.txt")"
  done
  echo "load average after the collection runs: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# ---- the table ----
echo
python3 - "$results" "$rows" "$rounds" <<'PY'
import sys, statistics
from collections import defaultdict
values = defaultdict(list)
for line in open(sys.argv[1]):
    b, k, v = line.rstrip("\n").split("\t")
    if v: values[(b, k)].append(float(v))
rows, rounds = int(sys.argv[2]), sys.argv[3]
builds = [b for b in ("head", "base") if (b, "healthz") in values]
med = lambda b, k: statistics.median(values[(b, k)]) if values.get((b, k)) else None

def ratio_line(b, k):
    # The ratio of each round (the endpoint's run right after /healthz's), then their median: on a shared machine
    # the load moves between rounds more than between two runs of one round.
    h, v = values[(b, "healthz")], values[(b, k)]
    return med(b, k), med(b, "healthz"), statistics.median(x / y for x, y in zip(v, h))
lines = []
def row(name, fmt, figure, baseline_name, baseline, ratio, target, ok, base_text):
    lines.append(f"| {name} | {fmt(figure)} | {baseline_name}: {fmt(baseline)} | {ratio} | {target} | {'met' if ok else '**not met**'} |" + (f" {base_text} |" if "base" in builds else ""))
rps = lambda v: f"{v:,.0f} req/s"
ms = lambda v: f"{v:.2f} ms"
rs = lambda v: f"{v:,.0f} rows/s"
for k, label, target in (("ask", "uncached `POST /api/ask`", 0.10), ("messages", "uncached `POST /api/messages` (expectReplies)", 0.10)):
    v, h, r = ratio_line("head", k)
    base_text = ""
    if "base" in builds:
        bv, bh, br = ratio_line("base", k)
        base_text = f"{rps(bv)} vs {rps(bh)}: {br:.3f}"
    row(label, rps, v, "`GET /healthz`", h, f"{r:.3f}", f"≥ {target:.2f}", r >= target, base_text)
if med("head", "layer_p99") is not None:
    target = 5 if rows <= 100_000 else 50
    for k, label in (("layer_p99", f"retrieval p99 at {rows:,} rows, reading the question included"), ("retrieve_p99", f"retrieval p99 at {rows:,} rows, the answer's retrieval alone")):
        v, l = med("head", k), med("head", "lucene_p99")
        base_text = f"{ms(med('base', k))} (plain Lucene {ms(med('base', 'lucene_p99'))})" if "base" in builds else ""
        row(label, ms, v, "plain Lucene p99", l, f"{v / l:.2f}", f"< {target} ms", v < target, base_text)
    v, f = med("head", "build"), med("head", "floor")
    base_text = f"{rs(med('base', 'build'))}: {med('base', 'build') / f:.1%}" if "base" in builds else ""
    row(f"index build, {rows:,} rows (whole `ictplan ingest`)", rs, v, "floor (parse + MeCab, all cores)", f, f"{v / f:.1%}", "≥ 50 %", v / f >= 0.5, base_text)
print(f"HTTP: bundled plan, answer cache off, wrk 2 threads; requests/s: median of {rounds} rounds per host; ratio: median of the rounds' ratios (each endpoint's run right after the host's /healthz run).")
print()
print("| figure | measured (head) | baseline, same run | ratio | target | |" + (" base commit, same run |" if "base" in builds else ""))
print("|---|---:|---:|---:|---:|---|" + ("---:|" if "base" in builds else ""))
print("\n".join(lines))
print()
print("raw: " + "; ".join(f"{b} {k} " + "/".join(f"{x:g}" for x in xs) for (b, k), xs in sorted(values.items())))
PY
