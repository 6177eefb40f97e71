#!/usr/bin/env bash
# Image benchmark: prints figures, never fails on time.
#
# Usage: .ci/bench-image.sh IMAGE [PREVIOUS_IMAGE]
#   e.g. .ci/bench-image.sh sfsim/simulator:0.1.0-SNAPSHOT sfsim/simulator:before
#
# For each image: start to healthy (`docker run` until GET /__admin/health answers 200, median of 10),
# `docker run IMAGE java -version` (the floor of any JVM container, median of 10), POST /__admin/reset with
# 200 startup fixture records (median of 20), POST /__admin/orgs (median of 20; "n/a" where the image has no
# orgs), memory of the container (docker stats) 10 s after start and again 10 s after those resets and 20 new
# orgs (each org is a schema plus its own services), and the image size.
# Needs: docker, curl, python3 (for the fixture file). Runs containers on 127.0.0.1 only and removes them.
set -euo pipefail

images=("$@")
((${#images[@]})) || { echo "usage: $0 IMAGE [PREVIOUS_IMAGE]" >&2; exit 2; }
runs=${BENCH_RUNS:-10}
work="$(mktemp -d /tmp/sfsim-bench.XXXXXX)"
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT

# 200 fixture records: one channel and 199 end users.
python3 - "$work/fixtures/200-records.json" <<'PY'
import json, os, sys
path = sys.argv[1]; os.makedirs(os.path.dirname(path), exist_ok=True)
records = [{"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "WhatsApp US",
            "DeveloperName": "WhatsApp_US", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550100",
            "IsActive": True, "PlatformType": "Enhanced", "ConsentType": "ImplicitOptIn"}]
for i in range(199):
    records.append({"attributes": {"type": "MessagingEndUser", "referenceId": f"u{i}"}, "Name": f"User {i}",
                    "MessagingChannelId": "@{ch.id}", "MessageType": "WhatsApp",
                    "MessagingPlatformKey": f"whatsapp:+1555{i:07d}", "MessagingConsentStatus": "ImplicitlyOptedIn"})
json.dump({"records": records}, open(path, "w"))
PY
chmod -R a+rX "$work/fixtures"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# start_container IMAGE [docker run args...]: prints "<id> <port>"
start_container() {
  local image=$1; shift
  local id port
  id=$(docker run -d -p 127.0.0.1::8080 "$@" "$image")
  port=$(docker port "$id" 8080/tcp | head -n1 | sed 's/.*://')
  echo "$id $port"
}

wait_healthy() {   # wait_healthy PORT: polls every 10 ms, up to 120 s
  local port=$1 deadline=$(( $(now_ms) + 120000 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/__admin/health" 2>/dev/null; do
    (( $(now_ms) < deadline )) || { echo "not healthy within 120 s" >&2; return 1; }
    sleep 0.01
  done
}

time_post() {   # time_post URL: milliseconds of one successful POST (curl's own timer); nothing when it fails
  curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' "$1" \
    | awk '$1 ~ /^2/ {printf "%d\n", $2 * 1000 + 0.5}'
}

bench_image() {
  local image=$1 id port t0 i
  local starts=() floors=() resets=() orgs=()
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms)
    read -r id port < <(start_container "$image")
    wait_healthy "$port"
    starts+=($(( $(now_ms) - t0 )))
    docker rm -f "$id" >/dev/null
  done
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms)
    docker run --rm --entrypoint java "$image" -version >/dev/null 2>&1
    floors+=($(( $(now_ms) - t0 )))
  done
  read -r id port < <(start_container "$image")
  wait_healthy "$port"
  sleep 10
  local idle
  idle=$(docker stats --no-stream --format '{{.MemUsage}}' "$id" | sed 's| /.*||')
  docker rm -f "$id" >/dev/null
  read -r id port < <(start_container "$image" -v "$work/fixtures:/fixtures:ro")
  wait_healthy "$port"
  for ((i = 0; i < 20; i++)); do resets+=("$(time_post "http://127.0.0.1:$port/__admin/reset")"); done
  for ((i = 0; i < 20; i++)); do
    orgs+=("$(time_post "http://127.0.0.1:$port/__admin/orgs")")
    sleep 0.5   # a test's worth of time between two orgs: the spare schema is ready again
  done
  sleep 10
  local mem
  mem=$(docker stats --no-stream --format '{{.MemUsage}}' "$id" | sed 's| /.*||')
  docker rm -f "$id" >/dev/null
  local size
  size=$(docker image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1000000}')
  printf '%s\n' "$(printf '%s\n' "${starts[@]}" | median)" "$(printf '%s\n' "${floors[@]}" | median)" \
    "$(printf '%s\n' "${resets[@]}" | grep -E '^[0-9]+$' | median)" "$(printf '%s\n' "${orgs[@]}" | grep -E '^[0-9]+$' | median)" \
    "$idle" "$mem" "$size"
}

declare -A results
for image in "${images[@]}"; do
  echo "measuring $image ..." >&2
  mapfile -t r < <(bench_image "$image")
  for k in 0 1 2 3 4 5 6; do results[$image,$k]=${r[$k]}; done
done

labels=("start to healthy, median of $runs (ms)" "docker run java -version, median of $runs (ms)"
        "POST /__admin/reset, 200 fixture records, median (ms)" "POST /__admin/orgs, median (ms)"
        "idle memory, 10 s after start (docker stats)" "memory after 20 resets + 20 new orgs" "image size")
printf '\n%-55s' "figure"; for image in "${images[@]}"; do printf ' %-28s' "$image"; done; echo
for k in 0 1 2 3 4 5 6; do
  printf '%-55s' "${labels[$k]}"
  for image in "${images[@]}"; do printf ' %-28s' "${results[$image,$k]}"; done
  echo
done
