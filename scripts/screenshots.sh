#!/usr/bin/env bash
# Regenerates docs/screenshots/chat.png, chat-phone-furigana.png, suggestions.png and search.png: the browser tests that take them
# run against the real web host over the bundled plan, in Debian's chromium, and save them where
# ICTPLAN_SCREENSHOTS points.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
ICTPLAN_SCREENSHOTS="$PWD/docs/screenshots" \
  dotnet test tests/IctPlanAssistant.EndToEnd.Tests --filter "FullyQualifiedName~Screenshot_of_the" "$@"
echo "Saved: docs/screenshots/chat.png docs/screenshots/chat-phone-furigana.png docs/screenshots/suggestions.png docs/screenshots/search.png"
