#!/usr/bin/env python3
"""Summarise a speedscope JSON written by `dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope`:
where the threads' time goes, leaving out the time they spend waiting (idle thread-pool threads, Kestrel's heartbeat,
the main thread). Prints the top frames by self and by inclusive time and, for frames matching each --focus regex,
their inclusive share (and with --per-request N, that time divided by N requests). --folded OUT writes the busy samples
as folded stacks (flamegraph.pl or speedscope read them), small enough to keep in docs/runs.

    speedscope-summary.py FILE [--top N] [--focus REGEX ...] [--per-request N] [--within REGEX] [--folded OUT [--folded-min MS]]"""
import argparse, re
from speedscope_samples import load
from collections import Counter

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--top", type=int, default=30)
ap.add_argument("--focus", action="append", default=[])
ap.add_argument("--per-request", type=float, default=0)
ap.add_argument("--folded", help="also write the busy samples as folded stacks (flamegraph.pl / speedscope input), ms per stack")
ap.add_argument("--folded-min", type=float, default=1, help="leave out folded stacks under this many ms (default 1)")
ap.add_argument("--within", help="count only samples with a frame matching this regex on the stack")
a = ap.parse_args()
frames, samples = load(a.file)
within = re.compile(a.within) if a.within else None
# A stack whose innermost frame is one of these is a thread waiting, not working.
waiting = re.compile(r"WaitHandle|WaitOne|LowLevelLifoSemaphore|LowLevelMonitor|Monitor\.Wait|SpinWait|Thread\.Sleep|"
                     r"epoll|SocketAsyncEngine\.EventLoop|WaitForSingleObject|PortableThreadPool\+GateThread|"
                     r"Interop\+Sys\.WaitForSocketEvents|ThreadNative::Sleep|WorkerThreadStart|Heartbeat\.TimerLoop|"
                     r"Interop\+Sys\.Read|WaitForPendingFinalizers|LowLevelSpinWaiter|ManualResetEventSlim\.Wait|LowLevelLifoSemaphore|^\?!\?$|Dispatch\(\)$|Thread\.StartCallback")
self_time, incl, total = Counter(), Counter(), 0.0
folded = Counter()
def short(name):
    # "Assembly!Namespace.Type.Method(args)" -> "Type.Method": enough to read, small enough to keep in the repository
    name = name.split("!", 1)[-1].split("(", 1)[0]
    parts = name.split(".")
    return ".".join(parts[-2:]) if len(parts) > 1 else name
for stack, dt in samples:
    # The sampler marks each stack with a pseudo-frame: CPU_TIME (running managed code) or
    # UNMANAGED_CODE_TIME (in native code: a wait, a system call, or MeCab); the frame under it is the leaf.
    kind = frames[stack[-1]]
    leaf = frames[stack[-2]] if kind in ("CPU_TIME", "UNMANAGED_CODE_TIME") and len(stack) > 1 else kind
    if (kind == "CPU_TIME" or not waiting.search(leaf)) and (not within or any(within.search(frames[f]) for f in stack)):
        total += dt
        self_time[leaf] += dt
        for f in set(stack[:-1]):
            incl[frames[f]] += dt
        if a.folded:
            folded[";".join(short(frames[f]) for f in stack[4:-1])] += dt
if a.folded:
    with open(a.folded, "w") as out:
        for stack, v in sorted(folded.items()):
            if v >= a.folded_min:
                out.write(f"{stack} {v:.0f}\n")
print(f"busy thread time: {total:.0f} ms (samples whose innermost frame is not a wait)")
print(f"\ntop {a.top} by self time")
for n, v in self_time.most_common(a.top):
    print(f"{v:9.0f} ms {100*v/total:5.1f} %  {n[:160]}")
print(f"\ntop {a.top} by inclusive time")
for n, v in incl.most_common(a.top):
    print(f"{v:9.0f} ms {100*v/total:5.1f} %  {n[:160]}")
for pat in a.focus:
    rx = re.compile(pat)
    hits = [(v, n) for n, v in incl.items() if rx.search(n)]
    hits.sort(reverse=True)
    print(f"\nfocus /{pat}/")
    for v, n in hits[:15]:
        per = f"  {1000 * v / a.per_request:7.1f} µs/request" if a.per_request else ""
        print(f"{v:9.0f} ms {100*v/total:5.1f} %{per}  {n[:150]}")
