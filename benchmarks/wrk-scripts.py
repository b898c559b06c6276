#!/usr/bin/env python3
"""Writes the wrk scripts of the HTTP benchmarks into DIR: ask.lua (POST /api/ask, each request the next question of
tests/eval's dev and extra sets) and messages.lua (POST /api/messages, a Bot Framework message with deliveryMode
expectReplies, each a first turn in a new conversation). Run from the repository root.

    benchmarks/wrk-scripts.py DIR"""
import json, pathlib, sys

work = pathlib.Path(sys.argv[1])
questions = [json.loads(l)["question"] for f in ("dev-questions.jsonl", "extra-questions.jsonl")
             for l in open(f"tests/eval/{f}", encoding="utf-8") if l.strip()]


def lua_list(items):
    return "{\n" + ",\n".join("[==[" + i + "]==]" for i in items) + "\n}"


ask = [json.dumps({"question": q}, ensure_ascii=False) for q in questions]
(work / "ask.lua").write_text(f"""
local bodies = {lua_list(ask)}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
""", encoding="utf-8")
# A bot message: JSON with a per-request conversation id spliced in (a first turn each time).
head = [json.dumps({"type": "message", "id": "m", "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9/",
                    "deliveryMode": "expectReplies", "locale": "ja-JP", "from": {"id": "load-user"},
                    "recipient": {"id": "bot"}, "text": q}, ensure_ascii=False)[:-1] for q in questions]
(work / "messages.lua").write_text(f"""
local heads = {lua_list(head)}
local i = 0
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
setup = function(thread) thread:set("tid", tostring(math.random(1, 1e9))) end
request = function()
  i = i % #heads + 1
  n = n + 1
  return wrk.format(nil, nil, nil, heads[i] .. ',"conversation":{{"id":"load-' .. tid .. '-' .. n .. '"}}}}')
end
""", encoding="utf-8")
