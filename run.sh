#!/usr/bin/env bash
# The main job: install what is missing, build, index the bundled plan (first run), and serve the web chat,
# the staff search, the HTTP API and the bot endpoint on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh run
dotnet build IctPlanAssistant.sln -c Release -nologo -v quiet
index=${Index__Path:-index}
if [ ! -e "$index/current" ]; then
  dotnet src/IctPlanAssistant.Cli/bin/Release/net10.0/ictplan.dll ingest --index "$index"
fi
echo "Serving on http://127.0.0.1:${PORT:-8080}  (chat: /   staff search: /search   bot: /api/messages)"
exec dotnet src/IctPlanAssistant.Web/bin/Release/net10.0/IctPlanAssistant.Web.dll --urls "http://127.0.0.1:${PORT:-8080}" "$@"
