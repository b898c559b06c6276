#!/usr/bin/env bash
# Runs every test of the solution, after installing what the tests need.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
dotnet test IctPlanAssistant.sln "$@"
