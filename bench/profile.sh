#!/usr/bin/env bash
# Profile nfk on the benchmark's big sites (see bench/PROFILE.md for what was found).
#
#   bench/profile.sh [--dir DIR] [--massif]
#
# Needs the sites of bench/run.sh in DIR/sites (default /dev/shm/nfk-bench); generates the missing
# ones. Builds nfk with debug info and frame pointers (cargo profile "profiling", defined on the
# command line; honours CARGO_TARGET_DIR), then for each site prints the per-stage timings
# (RUST_LOG=nfk=debug) and a `perf record -g` summary. --massif adds a valgrind massif heap
# profile of the 5,000-page site (about 15 s).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=/dev/shm/nfk-bench
MASSIF=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift ;;
    --massif) MASSIF=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v perf >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
fi
if [ "$MASSIF" = 1 ] && ! command -v valgrind >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
fi

(cd "$REPO" && RUSTFLAGS="-C force-frame-pointers=yes" cargo build --quiet --profile profiling \
  --config 'profile.profiling.inherits="release"' --config 'profile.profiling.debug=1')
NFK="${CARGO_TARGET_DIR:-$REPO/target}/profiling/nfk"

SITES=$DIR/sites
PROF=$DIR/profile
mkdir -p "$SITES" "$PROF"
GEN="python3 $REPO/bench/generate.py"
[ -d "$SITES/nfk-p5000" ] || $GEN --partners 0 --pages 5000 --out "$SITES/nfk-p5000"
[ -d "$SITES/nfk-n1000-p2000" ] || $GEN --partners 1000 --pages 2000 --out "$SITES/nfk-n1000-p2000"
[ -d "$SITES/nfk-p10000" ] || $GEN --partners 0 --pages 10000 --out "$SITES/nfk-p10000"

# perf needs hardware counters for its default event; VMs often have none, so sample the clock.
EVENT=cpu-clock
for site in nfk-p5000 nfk-n1000-p2000 nfk-p10000; do
  echo "=== $site"
  rm -rf "$PROF/out"
  RUST_LOG=nfk=debug "$NFK" build --root "$SITES/$site" --output "$PROF/out" 2>&1 \
    | sed -n 's/.*DEBUG nfk\] \([a-z]*: [0-9.]* ms\).*/  \1/p'
  rm -rf "$PROF/out"
  perf record -q -e "$EVENT" -F 2000 -g -o "$PROF/$site.data" \
    "$NFK" build --root "$SITES/$site" --output "$PROF/out" >/dev/null 2>&1
  perf script -i "$PROF/$site.data" -F tid,time,ip,sym > "$PROF/$site.txt" 2>/dev/null
  python3 "$REPO/bench/perf_summary.py" perf "$PROF/$site.txt"
done

if [ "$MASSIF" = 1 ]; then
  echo "=== massif nfk-p5000"
  rm -rf "$PROF/out"
  valgrind -q --tool=massif --depth=30 --massif-out-file="$PROF/massif-p5000.out" \
    "$NFK" build --root "$SITES/nfk-p5000" --output "$PROF/out" >/dev/null 2>&1
  python3 "$REPO/bench/perf_summary.py" massif "$PROF/massif-p5000.out"
fi
rm -rf "$PROF/out"
