#!/usr/bin/env python3
"""Who calls a frame: the heaviest call paths (up to --depth callers) into the frames matching REGEX, by thread time,
in a speedscope JSON written by dotnet-trace.   speedscope-callers.py FILE REGEX [--depth N] [--top N]"""
import argparse, re
from speedscope_samples import load
from collections import Counter
ap = argparse.ArgumentParser()
ap.add_argument("file"); ap.add_argument("regex")
ap.add_argument("--depth", type=int, default=4); ap.add_argument("--top", type=int, default=10)
a = ap.parse_args()
fr, samples = load(a.file)
rx = re.compile(a.regex)
paths, total = Counter(), 0.0
for stack, dt in samples:
    names = [fr[f] for f in stack]
    for i in range(len(names) - 1, -1, -1):
        if rx.search(names[i]):
            paths[tuple(n.split("!")[-1][:110] for n in names[max(0, i - a.depth):i + 1])] += dt
            total += dt
            break
print(f"{total:.0f} ms under /{a.regex}/")
for path, v in paths.most_common(a.top):
    print(f"{v:9.0f} ms {100 * v / total:5.1f} %  {path[-1]}")
    for n in reversed(path[:-1]):
        print(f"{'':22}<- {n}")
