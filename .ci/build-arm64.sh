#!/usr/bin/env bash
# Proves the image builds and runs for linux/arm64 on an amd64 machine, under qemu user-mode emulation.
# Too slow for CI (emulated debootstrap, JRE install and the image's prepare step): NOT called by .ci/run.
#
#   1. installs qemu-user-static + binfmt-support (Debian) when missing and makes sure aarch64 binfmt is on,
#   2. builds an arm64 JRE base image offline (.ci/build-base-image.sh IMAGE arm64) when missing,
#   3. builds the simulator jar when missing, then `docker build --platform linux/arm64` of the root Dockerfile,
#   4. runs it with --platform linux/arm64, waits for the HEALTHCHECK to say healthy, gets a token and runs
#      a SOQL query, printing how long each step took.
#
# Usage: .ci/build-arm64.sh [IMAGE]       (default IMAGE: sfsim/simulator:arm64)
# Env:   ARM64_BASE_IMAGE (default sfsim/jre-base:17-arm64), ARM64_PORT (default 18080)
set -euo pipefail
exec </dev/null
cd "$(dirname "$0")/.."

image="${1:-sfsim/simulator:arm64}"
base_image="${ARM64_BASE_IMAGE:-sfsim/jre-base:17-arm64}"
port="${ARM64_PORT:-18080}"
container="sfsim-arm64-check-$$"

step_started=$SECONDS
step() { step_started=$SECONDS; echo "=== [build-arm64] $*"; }
took() { echo "=== [build-arm64] took $((SECONDS - step_started)) s"; }

step "qemu-user-static and binfmt"
if ! command -v qemu-aarch64-static >/dev/null 2>&1 || ! command -v update-binfmts >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user-static binfmt-support >/dev/null
fi
mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || update-binfmts --enable qemu-aarch64
# The F flag makes the kernel open the interpreter at registration: it then also works inside chroots and containers.
grep -q '^flags: .*F' /proc/sys/fs/binfmt_misc/qemu-aarch64 \
  || { echo "qemu-aarch64 binfmt is registered without the F flag; containers could not find qemu" >&2; exit 1; }
took

step "arm64 base image $base_image"
JLINK_JDK= .ci/build-base-image.sh "$base_image" arm64   # openjdk-17 from Debian: jlink makes the host's arch only
docker image inspect --format '{{.Os}}/{{.Architecture}}' "$base_image"
took

step "simulator jar"
if [[ ! -f simulator/target/sfsim-simulator.jar ]]; then
  ./mvnw -B -q -pl simulator -am package -DskipTests
fi
took

step "docker build --platform linux/arm64 -t $image"
# Legacy builder (no BuildKit, nothing to pull): it takes the local arm64 base image as is.
DOCKER_BUILDKIT=0 docker build --platform linux/arm64 --build-arg BASE_IMAGE="$base_image" \
  --tag "$image" --file Dockerfile . >/tmp/sfsim-build-arm64.log 2>&1 \
  || { tail -n 40 /tmp/sfsim-build-arm64.log; exit 1; }
docker image inspect --format '{{.Os}}/{{.Architecture}}' "$image"
took

step "docker run --platform linux/arm64 (port $port)"
trap 'docker rm -f "$container" >/dev/null 2>&1 || true' EXIT
run_started_ms=$(date +%s%3N)
docker run -d --name "$container" --platform linux/arm64 -p "127.0.0.1:$port:8080" "$image" >/dev/null
until curl -sf "http://127.0.0.1:$port/__admin/health" 2>/dev/null | grep -q '"UP"'; do
  (( $(date +%s%3N) - run_started_ms < 600000 )) || { docker logs "$container" 2>&1 | tail -n 40; exit 1; }
  sleep 0.2
done
echo "docker run to /__admin/health UP: $(( $(date +%s%3N) - run_started_ms )) ms"
echo "container: $(docker exec "$container" uname -m)"
health=""
for _ in $(seq 1 600); do
  health="$(docker inspect --format '{{.State.Health.Status}}' "$container" 2>/dev/null || echo gone)"
  [[ "$health" == healthy || "$health" == unhealthy || "$health" == gone ]] && break
  sleep 1
done
echo "HEALTHCHECK (every 1 s): $health"
if [[ "$health" != healthy ]]; then docker logs "$container" 2>&1 | tail -n 40; exit 1; fi
docker logs "$container" 2>&1 | grep -m1 'ready in' || true
took

step "token and SOQL"
url="http://127.0.0.1:$port"
token_json="$(curl -sf "$url/services/oauth2/token" -d grant_type=password \
  -d client_id=sfsim-client-id -d client_secret=sfsim-client-secret \
  -d username=admin@sfsim.example -d password=sfsim-password)"
token="$(sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$token_json")"
[[ -n "$token" && "$token" != "$token_json" ]] || { echo "no token: $token_json" >&2; exit 1; }
echo "token: ${token:0:18}..."
soql="$(curl -sf -G "$url/services/data/v60.0/query" -H "Authorization: Bearer $token" \
  --data-urlencode "q=SELECT Id, Name FROM User")"
echo "SOQL: $soql"
grep -q '"Name":"sfsim Admin"' <<<"$soql" || { echo "unexpected SOQL answer" >&2; exit 1; }
took
echo "=== [build-arm64] $image (linux/arm64) builds, becomes healthy and answers a token and a SOQL query"
