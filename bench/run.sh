#!/usr/bin/env bash
# Benchmark nfk against Hugo (issue 7). See the "Benchmarks" section of README.md.
#
#   bench/run.sh [--quick] [--runs K] [--dir DIR] [--results FILE]
#
#   --quick         smaller sites and 2 runs: a smoke test (results go to DIR/results-quick.md)
#   --runs K        timed runs per tool and scenario after one warm-up (default 5, quick 2)
#   --dir DIR       working folder, must be on tmpfs (default /dev/shm/nfk-bench)
#   --results FILE  where to write the markdown report (default bench/results.md)
#
# Installs what it misses (Debian's hugo and GNU time), builds nfk in release mode (honours
# CARGO_TARGET_DIR), generates the sites with bench/generate.py into the tmpfs folder, and times
# `nfk build` and `hugo --quiet` alternately with `/usr/bin/time -f '%e %U %S %M'`.
# The floor of a site (issue 17) is what plain tools need for the same input and output on the
# same tmpfs: `cat` of every input file to /dev/null, then `cp -r` of nfk's own output of that
# site (built once before the timed runs). The serve scenario runs bench/serve-latency.py.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=0
RUNS=""
DIR=/dev/shm/nfk-bench
RESULTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  RUNS=${RUNS:-2}
  P_PAGES=500; M_PARTNERS=100; M_PAGES=200; M_HUGO=300; G_SMALL=100; G_LARGE=1000
  N_SMALL=100; N_LARGE=1000; SERVE_RUNS=5
  RESULTS=${RESULTS:-$DIR/results-quick.md}
else
  RUNS=${RUNS:-5}
  P_PAGES=5000; M_PARTNERS=1000; M_PAGES=2000; M_HUGO=3000; G_SMALL=1000; G_LARGE=10000
  N_SMALL=1000; N_LARGE=10000; SERVE_RUNS=20
  RESULTS=${RESULTS:-$REPO/bench/results.md}
fi

log() { printf '==> %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "need $* but not root: install it (apt-get install -y $*) and rerun" >&2
    exit 2
  fi
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v hugo >/dev/null || apt_install hugo
[ -x /usr/bin/time ] || apt_install time
command -v python3 >/dev/null || apt_install python3

# --- nfk ---------------------------------------------------------------------------------------
log "cargo build --release"
(cd "$REPO" && cargo build --release --quiet)
NFK="${CARGO_TARGET_DIR:-$REPO/target}/release/nfk"
[ -x "$NFK" ] || { echo "no binary at $NFK" >&2; exit 2; }

# --- tmpfs folder ------------------------------------------------------------------------------
fs_type() { stat -f -c %T "$1" 2>/dev/null || echo unknown; }
if [ "$DIR" = /dev/shm/nfk-bench ] && { [ ! -d /dev/shm ] || [ "$(fs_type /dev/shm)" != tmpfs ]; }; then
  DIR=/tmp/nfk-bench-tmpfs
fi
mkdir -p "$DIR"
if [ "$(fs_type "$DIR")" != tmpfs ]; then
  log "mount -t tmpfs -o size=4g tmpfs $DIR"
  mount -t tmpfs -o size=4g tmpfs "$DIR"
fi
SITES=$DIR/sites
OUT=$DIR/out
RAW=$DIR/raw.tsv
STAGES=$DIR/stages.tsv
mkdir -p "$SITES" "$OUT"
printf 'scenario\ttool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\n' > "$RAW"
printf 'scenario\tstage\tms\n' > "$STAGES"
COMMANDS=$DIR/commands.txt
: > "$COMMANDS"
cmd_note() { printf '%s\n' "$*" >> "$COMMANDS"; }

# --- sites -------------------------------------------------------------------------------------
GEN="python3 $REPO/bench/generate.py"
gen() { cmd_note "$GEN $*"; $GEN "$@" 2>/dev/null; }
log "generating sites into $SITES"
gen --partners 0 --pages "$P_PAGES" --out "$SITES/nfk-p$P_PAGES" --hugo "$SITES/hugo-p$P_PAGES"
gen --partners 0 --pages "$P_PAGES" --hugo "$SITES/hugo-p$P_PAGES-short" --hugo-pager short
gen --partners "$M_PARTNERS" --pages "$M_PAGES" --out "$SITES/nfk-n$M_PARTNERS-p$M_PAGES"
gen --partners 0 --pages "$M_HUGO" --hugo "$SITES/hugo-p$M_HUGO"
gen --partners 0 --pages "$G_SMALL" --out "$SITES/nfk-p$G_SMALL"
gen --partners 0 --pages "$G_LARGE" --out "$SITES/nfk-p$G_LARGE"
gen --partners "$N_SMALL" --pages 0 --out "$SITES/nfk-n$N_SMALL"
gen --partners "$N_LARGE" --pages 0 --out "$SITES/nfk-n$N_LARGE"

CHECKS=$DIR/checks.txt
: > "$CHECKS"
for site in "$SITES/nfk-p$P_PAGES" "$SITES/nfk-n$M_PARTNERS-p$M_PAGES" "$SITES/nfk-p$G_SMALL" "$SITES/nfk-p$G_LARGE" \
  "$SITES/nfk-n$N_SMALL" "$SITES/nfk-n$N_LARGE"; do
  summary=$("$NFK" --lang en check --root "$site" 2>&1 | tail -n 1)
  printf '%s: %s\n' "$(basename "$site")" "$summary" >> "$CHECKS"
  case "$summary" in
    *": 0 errors,"*) ;;
    *) echo "nfk check failed on $site: $summary" >&2; exit 1 ;;
  esac
done

# --- measuring ---------------------------------------------------------------------------------
TIMED=$DIR/timed-commands.txt
: > "$TIMED"

# run_one SCENARIO TOOL RUN SITE: one timed build into a fresh output folder.
run_one() {
  local scenario=$1 tool=$2 run=$3 site=$4 dest="$OUT/$1-$2" t="$DIR/time.out"
  rm -rf "$dest" "$site/.hugo_build.lock"
  local status=0 start end cmd
  if [ "$tool" = hugo ]; then
    cmd=(hugo --quiet --source "$site" --destination "$dest")
  elif [ "$tool" = floor ]; then
    # shellcheck disable=SC2016
    cmd=(sh -c 'find "$1" -type f -exec cat {} + >/dev/null && cp -r "$2" "$3"' floor \
      "$site" "$REFS/$(basename "$site")" "$dest")
  else
    cmd=("$NFK" build --root "$site" --output "$dest")
  fi
  [ "$run" = warmup ] && printf '%s %s: /usr/bin/time -f %s %s\n' "$scenario" "$tool" "'%e %U %S %M'" "${cmd[*]}" >> "$TIMED"
  start=$(date +%s%N)
  /usr/bin/time -o "$t" -f '%e %U %S %M' "${cmd[@]}" >"$DIR/last.log" 2>&1 || status=$?
  end=$(date +%s%N)
  if [ "$status" != 0 ]; then
    echo "$tool failed on $site (exit $status):" >&2
    cat "$DIR/last.log" >&2
    exit 1
  fi
  if [ "$run" != warmup ]; then
    # Wall time from the clock around the command (ms resolution; GNU time's %e has 10 ms).
    read -r _ user sys rss < <(tail -n 1 "$t")
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$tool" "$run" "$wall" "$user" "$sys" "$rss" >> "$RAW"
  fi
}

# stages SCENARIO SITE: three extra nfk builds with per-stage timings (RUST_LOG=nfk=debug); the
# report shows the median of each stage.
stages() {
  local dest="$OUT/$1-stages" i
  for i in 1 2 3; do
    rm -rf "$dest"
    RUST_LOG=nfk=debug "$NFK" build --root "$2" --output "$dest" 2>&1 \
      | sed -n 's/.*DEBUG nfk\] \([a-z]*\): \([0-9.]*\) ms.*/\1\t\2/p' \
      | while IFS=$'\t' read -r stage ms; do printf '%s\t%s\t%s\n' "$1" "$stage" "$ms" >> "$STAGES"; done
  done
  rm -rf "$dest"
}

# pair SCENARIO TOOL_A SITE_A TOOL_B SITE_B: a warm-up of each, then RUNS alternating pairs
# (the order flips every run so neither tool always goes first).
pair() {
  local scenario=$1 ta=$2 sa=$3 tb=$4 sb=$5 i
  log "$scenario: warm-up, then $RUNS runs of $ta and $tb alternately"
  run_one "$scenario" "$ta" warmup "$sa"
  run_one "$scenario" "$tb" warmup "$sb"
  for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then
      run_one "$scenario" "$ta" "$i" "$sa"; run_one "$scenario" "$tb" "$i" "$sb"
    else
      run_one "$scenario" "$tb" "$i" "$sb"; run_one "$scenario" "$ta" "$i" "$sa"
    fi
  done
  rm -rf "$OUT/$scenario-$ta" "$OUT/$scenario-$tb"
}

# reference SITE: nfk's own output of SITE, which the floor copies.
REFS=$DIR/refs
reference() {
  mkdir -p "$REFS"
  rm -rf "${REFS:?}/$(basename "$1")"
  "$NFK" build --root "$1" --output "$REFS/$(basename "$1")" >/dev/null 2>&1
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
S1="pages-$P_PAGES"
S2="partners-$M_PARTNERS+pages-$M_PAGES"
S3="growth-$G_SMALL-vs-$G_LARGE"
S4="pages-$P_PAGES-hugo-short-pager"
pair "$S1" nfk "$SITES/nfk-p$P_PAGES" hugo "$SITES/hugo-p$P_PAGES"
pair "$S2" nfk "$SITES/nfk-n$M_PARTNERS-p$M_PAGES" hugo "$SITES/hugo-p$M_HUGO"
pair "$S3" "nfk-$G_SMALL" "$SITES/nfk-p$G_SMALL" "nfk-$G_LARGE" "$SITES/nfk-p$G_LARGE"
pair "$S4" nfk "$SITES/nfk-p$P_PAGES" hugo "$SITES/hugo-p$P_PAGES-short"
S5="floor-pages-$P_PAGES"
S6="floor-partners-$N_LARGE"
S7="growth-partners-$N_SMALL-vs-$N_LARGE"
reference "$SITES/nfk-p$P_PAGES"
reference "$SITES/nfk-n$N_LARGE"
pair "$S5" nfk "$SITES/nfk-p$P_PAGES" floor "$SITES/nfk-p$P_PAGES"
pair "$S6" nfk "$SITES/nfk-n$N_LARGE" floor "$SITES/nfk-n$N_LARGE"
pair "$S7" "nfk-$N_SMALL" "$SITES/nfk-n$N_SMALL" "nfk-$N_LARGE" "$SITES/nfk-n$N_LARGE"
rm -rf "$REFS"

# Serve: edit-to-served latency of one partner's page on the mixed site (on a copy: the script
# edits the site while it runs).
SERVE=$DIR/serve.txt
log "serve latency: $SERVE_RUNS edits on a copy of nfk-n$M_PARTNERS-p$M_PAGES"
rm -rf "$SITES/serve-copy"
cp -r "$SITES/nfk-n$M_PARTNERS-p$M_PAGES" "$SITES/serve-copy"
SERVE_CMD="bench/serve-latency.py SITE --runs $SERVE_RUNS --nfk $NFK"
python3 "$REPO/bench/serve-latency.py" "$SITES/serve-copy" --runs "$SERVE_RUNS" --nfk "$NFK" > "$SERVE"
rm -rf "$SITES/serve-copy"
# Zola is not packaged for Debian and not built here: its comparison would run only with `zola`
# on PATH, and bench/generate.py makes no Zola site yet, so it is reported as not measured.
ZOLA=$(command -v zola || echo "not on PATH")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
stages "$S1" "$SITES/nfk-p$P_PAGES"
stages "$S2" "$SITES/nfk-n$M_PARTNERS-p$M_PAGES"
stages "nfk-$G_SMALL" "$SITES/nfk-p$G_SMALL"
stages "nfk-$G_LARGE" "$SITES/nfk-p$G_LARGE"
stages "nfk-n$N_LARGE" "$SITES/nfk-n$N_LARGE"

# --- report ------------------------------------------------------------------------------------
# run_one's tool names "nfk-<n>" are nfk too; the report script reads them as such.
mkdir -p "$(dirname "$RESULTS")"
NFK_REV=$(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$REPO" && git status --porcelain -- src themes Cargo.toml Cargo.lock 2>/dev/null)" ]; then
  NFK_REV="$NFK_REV (with uncommitted changes in src/)"
fi
QUICK_FLAG=""; [ "$QUICK" = 1 ] && QUICK_FLAG=" --quick"
python3 "$REPO/bench/report.py" \
  --raw "$RAW" --stages "$STAGES" --out "$RESULTS" \
  --command "bench/run.sh$QUICK_FLAG --runs $RUNS" \
  --nfk-rev "$NFK_REV" --nfk-bin "$NFK" \
  --gen-commands "$COMMANDS" --timed-commands "$TIMED" --checks "$CHECKS" \
  --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" \
  --runs "$RUNS" --quick "$QUICK" \
  --s-pages "$S1" --s-mixed "$S2" --s-growth "$S3" --s-short "$S4" \
  --s-floor-pages "$S5" --s-floor-partners "$S6" --s-growth-partners "$S7" \
  --n-small "$N_SMALL" --n-large "$N_LARGE" --serve "$SERVE" --serve-command "$SERVE_CMD" --zola "$ZOLA" \
  --growth-small "$G_SMALL" --growth-large "$G_LARGE" \
  --p-pages "$P_PAGES" --m-partners "$M_PARTNERS" --m-pages "$M_PAGES" --m-hugo "$M_HUGO"
log "report written to $RESULTS (raw numbers: $RAW)"
