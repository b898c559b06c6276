#!/usr/bin/env bash
# Installs the Debian packages IctPlanAssistant needs, only those missing. Usage: scripts/install-deps.sh [run|test]
#   run:  MeCab and its IPADIC dictionary (the Japanese analysis), EDICT (English questions); Node.js and npm when
#         missing (the build makes the synonym tables from an npm package and EDICT: data/synonyms)
#   test: also Chromium and CJK fonts (browser tests), Redis and nginx (scale-out tests), and the npm packages of
#         the vendored Bot Framework test client (tests/tools/botclient, installed outside the repository)
set -euo pipefail
profile=${1:-run}
packages=(libmecab2 mecab-ipadic-utf8 edict)
# Node.js may come from elsewhere than Debian (the base image's own): only a missing one is installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if [ "$profile" = test ]; then
  packages+=(chromium fonts-noto-cjk redis-server nginx wrk)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "$profile" = test ]; then
  # The bot's end-to-end tests drive /api/messages with botclient; its setup.sh installs into /tmp/botclient-deps.
  sh "$(dirname "$0")/../tests/tools/botclient/setup.sh" >/dev/null
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
