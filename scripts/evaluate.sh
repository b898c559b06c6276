#!/usr/bin/env bash
# Scores the assistant on the question sets of tests/eval (see tests/eval/README.md and docs/evaluation.md):
# builds ictplan, indexes the bundled plan into a temporary index, answers each set with `ictplan batch`
# (follow-ups share a conversation) and prints score.py's table for each set.
#
#   scripts/evaluate.sh                      both sets: tests/eval/dev-questions.jsonl, tests/eval/extra-questions.jsonl
#   scripts/evaluate.sh --json               score.py's JSON (summary, per-question scores) instead of the tables
#   scripts/evaluate.sh --keep DIR           also keep each set's batch input and answers in DIR
#   scripts/evaluate.sh SET.jsonl ...        other question sets of the same format
#
# Needs the .NET 10 SDK, MeCab (scripts/install-deps.sh) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

json=""
keep=""
sets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json="--json" ;;
    --keep) keep="${2:?--keep needs a directory}"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) sets+=("$1") ;;
  esac
  shift
done
[ ${#sets[@]} -gt 0 ] || sets=(tests/eval/dev-questions.jsonl tests/eval/extra-questions.jsonl)
command -v python3 >/dev/null || { echo "evaluate.sh: python3 is needed to run tests/eval/score.py" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="${keep:-$work}"
mkdir -p "$out"

# Progress of the build and the ingest is shown only when they fail.
quietly() { "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }; }
quietly dotnet build src/IctPlanAssistant.Cli --nologo
ictplan() { dotnet src/IctPlanAssistant.Cli/bin/Debug/net10.0/ictplan.dll "$@"; }
quietly ictplan ingest --index "$work/index"

status=0
for set in "${sets[@]}"; do
  name=$(basename "$set" .jsonl)
  python3 tests/eval/score.py --make-input "$set" > "$out/$name.in.jsonl"
  if ! ictplan batch --index "$work/index" --input "$out/$name.in.jsonl" --output "$out/$name.answers.jsonl"; then
    echo "evaluate.sh: ictplan batch could not answer every line of $set" >&2
    status=1
  fi
  if [ -z "$json" ]; then
    echo "## $name ($(grep -c . "$set") questions)"
  fi
  python3 tests/eval/score.py --questions "$set" --answers "$out/$name.answers.jsonl" $json
  [ -n "$json" ] || echo
done
exit $status
