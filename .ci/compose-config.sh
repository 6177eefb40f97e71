#!/usr/bin/env bash
# Validates examples/compose.yaml with `docker compose config` (or the standalone `docker-compose config`), every
# profile included. Installs Debian's docker-compose when neither is there (Debian 12 has no compose plugin package).
set -euo pipefail
cd "$(dirname "$0")/../examples"

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "installing docker-compose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  compose=(docker-compose)
fi
echo "validating examples/compose.yaml with: ${compose[*]} config"
"${compose[@]}" -f compose.yaml config -q
"${compose[@]}" -f compose.yaml --profile app --profile external-postgres config -q
services="$("${compose[@]}" -f compose.yaml --profile app --profile external-postgres config --services | sort | tr '\n' ' ')"
[[ "$services" == "app postgres sfsim sfsim-external-db " ]] || { echo "unexpected services: $services" >&2; exit 1; }
echo "compose.yaml: OK ($services)"
