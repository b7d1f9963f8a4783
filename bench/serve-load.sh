#!/usr/bin/env bash
# Load test of `nfk serve` (issue 9): wrk from a second process on loopback, bounded in time,
# while a partner file changes every half second; then malformed and hostile requests.
# Prints requests/s, errors, the server's memory before and after, and each hostile request's status.
# Usage: bench/serve-load.sh [SECONDS]   (default 20; only 127.0.0.1 is ever contacted)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release --quiet
site=$(mktemp -d)
cp -r site.yaml partners content "$site/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./target/release/nfk serve --root "$site" --port "$port" >"$site/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$site"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
echo "RSS before: $(rss)"
profile="$site/partners/granlia-ror/profile.yaml"
( end=$((SECONDS + seconds)); i=0
  while [ $SECONDS -lt $end ]; do
    i=$((i + 1)); sed -i "s/^summary: .*/summary: Endring nummer $i./" "$profile"; sleep 0.5
  done ) &
editor=$!
wrk -t2 -c16 -d"${seconds}s" --latency "http://127.0.0.1:$port/partnere/granlia-ror/" | sed -n '1,20p'
wait $editor
sleep 1
echo "RSS after:  $(rss)"
echo "rebuilds:   $(grep -c '^rebuilt' "$site/serve.log")"
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
long=$(python3 -c 'print("a/" * 40000)')
python3 -c 'print("X-Big: " + "x" * 200000)' > "$site/header.txt"
printf '%-40s %s\n' "encoded dots /%2e%2e/%2e%2e/etc/passwd" "$(status --path-as-is "http://127.0.0.1:$port/%2e%2e/%2e%2e/etc/passwd")"
printf '%-40s %s\n' "dots /../../etc/passwd" "$(status --path-as-is "http://127.0.0.1:$port/../../etc/passwd")"
printf '%-40s %s\n' "backslash /..%5c..%5cetc/passwd" "$(status --path-as-is "http://127.0.0.1:$port/..%5c..%5cetc/passwd")"
printf '%-40s %s\n' "absolute //etc/passwd" "$(status --path-as-is "http://127.0.0.1:$port//etc/passwd")"
printf '%-40s %s\n' "bad UTF-8 /%ff%fe" "$(status "http://127.0.0.1:$port/%ff%fe")"
printf '%-40s %s\n' "NUL /a%00b" "$(status "http://127.0.0.1:$port/a%00b")"
printf '%-40s %s\n' "overlong path (80 KB)" "$(status "http://127.0.0.1:$port/$long")"
printf '%-40s %s\n' "huge header (200 KB)" "$(status -H @"$site/header.txt" "http://127.0.0.1:$port/")"
printf '%-40s %s\n' "POST /" "$(status -X POST "http://127.0.0.1:$port/")"
printf '%-40s %s\n' "still serving /" "$(status "http://127.0.0.1:$port/")"
