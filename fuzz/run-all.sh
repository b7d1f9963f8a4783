#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, two at a time, on the stable toolchain.
# `fuzz/run-all.sh 600 story` runs only the named targets (one after another).
# RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its instrumentation flags to stable rustc; `-s none`
# skips AddressSanitizer, which needs a nightly standard library (Rust is memory-safe here; we
# look for panics, hangs and broken invariants).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
# Seed corpus: the repository's own inputs (fixtures, the bundled site), plus a few hostile HTML seeds.
seed() {
  mkdir -p corpus/yaml corpus/front_matter corpus/markdown corpus/sanitize corpus/story
  find ../tests/fixtures ../partners ../site.yaml -name '*.yaml' | while read -r f; do cp "$f" "corpus/yaml/$(md5sum < "$f" | cut -c1-16)"; done
  find ../content ../tests/fixtures ../partners -name '*.md' | while read -r f; do
    cp "$f" "corpus/front_matter/$(md5sum < "$f" | cut -c1-16)"; cp "$f" "corpus/markdown/$(md5sum < "$f" | cut -c1-16)"
  done
  find ../partners ../tests/fixtures -name 'story.md' | while read -r f; do cp "$f" "corpus/story/$(md5sum < "$f" | cut -c1-16)"; done
  # The story target repeats an input's first line into a deep structure: seed the usual ones.
  printf '> \n' > corpus/story/seed-quote; printf -- '- \n' > corpus/story/seed-list; printf '1. > * \n' > corpus/story/seed-mixed
  printf '# A\n\nx[^1] [y](#a) ![i](b.png) ![r](//t.example/p)\n\n[^1]: z\n' > corpus/story/seed-links
  printf '<p onclick="x">a</p><script>alert(1)</script><a href="javascript:x">y</a><img src=x onerror=y>' > corpus/sanitize/seed1
  printf '<svg><a xlink:href="javascript:1">x</a></svg><math><mi>x</mi></math><iframe src=data:text/html,x>' > corpus/sanitize/seed2
}
seed
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O
run() { cargo fuzz run -s none -O "$1" "corpus/$1" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 15 > "fuzz-$1.log"; }
if [ $# -gt 1 ]; then
  shift
  for target in "$@"; do run "$target"; done
else
  run yaml & run front_matter & wait
  run markdown & run sanitize & wait
  run story
fi
grep -h "Done\|SUMMARY\|panicked" fuzz-*.log || true
