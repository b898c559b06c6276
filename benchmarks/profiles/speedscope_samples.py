"""Reads the thread-time samples of a speedscope JSON written by dotnet-trace: one "evented" profile per thread,
frames opened and closed at times; between two events the thread stood in the open frames."""
import json


def load(path):
    """The file's frame names and a generator of (stack of frame indices, milliseconds) over every thread."""
    d = json.load(open(path))
    frames = [f["name"] for f in d["shared"]["frames"]]

    def samples():
        for p in d["profiles"]:
            if p["type"] != "evented":
                continue
            stack, last = [], None
            for e in p["events"]:
                t = e["at"]
                if last is not None and stack and t > last:
                    yield stack, t - last
                last = t
                if e["type"] == "O":
                    stack.append(e["frame"])
                else:  # close the innermost matching frame
                    for i in range(len(stack) - 1, -1, -1):
                        if stack[i] == e["frame"]:
                            del stack[i:]
                            break

    return frames, samples()
