#!/usr/bin/env bash
# Runs the README's curl walkthrough (the ```bash block after `<!-- curl-walkthrough -->`) exactly as written, from
# the repository's root, against a fresh `java -jar simulator/target/sfsim-simulator.jar`. The one change: its first
# line, SFSIM=http://localhost:8080, points at the free port the jar was started on. Needs the packaged jar.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=simulator/target/sfsim-simulator.jar
[[ -f "$JAR" ]] || { echo "missing $JAR: package the simulator first" >&2; exit 1; }

block="$(awk '/^<!-- curl-walkthrough -->$/ {armed=1; next}
              armed && /^```bash$/ {inside=1; next}
              inside && /^```$/ {exit}
              inside {print}' README.md)"
[[ -n "$block" ]] || { echo "README.md has no \`\`\`bash block after <!-- curl-walkthrough -->" >&2; exit 1; }
grep -q '^SFSIM=http://localhost:8080' <<<"$block" || { echo "the walkthrough must start with SFSIM=http://localhost:8080" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$(mktemp)"
SFSIM_PORT="$port" java -jar "$JAR" >"$log" 2>&1 &
jar_pid=$!
trap 'kill "$jar_pid" 2>/dev/null || true; wait "$jar_pid" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 120); do
  grep -q ' ready in ' "$log" && break
  kill -0 "$jar_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
grep -q ' ready in ' "$log" || { echo "the jar did not get ready in 60 s" >&2; tail -n 30 "$log" >&2; exit 1; }

output="$(sed "s|^SFSIM=http://localhost:8080|SFSIM=http://localhost:$port|" <<<"$block" | bash -euo pipefail)"
echo "$output"
grep -q '"RequestStatus":"Completed","SuccessMessageCount":1,"FailedMessageCount":1,"FailedMessageErrorReasons":"EndUserIsNotOptedIn"' <<<"$output" \
  || { echo "walkthrough: the request did not complete as the README says" >&2; exit 1; }
grep -q '"text":"Hi! Your order 1234 has shipped."' <<<"$output" \
  || { echo "walkthrough: the outbox does not hold Alice's message" >&2; exit 1; }
echo "README curl walkthrough: OK"
