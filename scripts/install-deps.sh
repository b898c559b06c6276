#!/usr/bin/env bash
# Installs the Debian packages IctPlanAssistant needs, only those missing. Usage: scripts/install-deps.sh [run|test]
#   run:  MeCab and its IPADIC dictionary (the Japanese analysis)
#   test: also Chromium and CJK fonts (browser tests), Redis and nginx (scale-out tests)
set -euo pipefail
profile=${1:-run}
packages=(libmecab2 mecab-ipadic-utf8)
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
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
