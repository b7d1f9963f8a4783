#!/usr/bin/env bash
# Remakes themes/nfk/static/fonts/ from Debian's Inter (OFL-1.1, no reserved font name).
# The same subset is served to browsers (woff2) and embedded in the binary (otf) so that the
# text measured when charts are laid out is the text browsers draw. Run it only to change the
# character set; the output is committed.
#   apt-get install fonts-inter fonttools python3-brotli
set -euo pipefail
cd "$(dirname "$0")/../themes/nfk/static/fonts"
src=/usr/share/fonts/opentype/inter
# Latin-1, Latin Extended-A, Norwegian and typographic punctuation, − – → ₂ % ✓ ○ ↘ ↗.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0218-021B,U+02C6,U+02DA,U+02DC,U+2009,U+200B,\
U+2010-2027,U+202F,U+2030,U+2032,U+2033,U+2039,U+203A,U+2044,U+2070,U+2074,U+2080-2089,U+20AC,\
U+2116,U+2122,U+2190-2193,U+2197,U+2198,U+2212,U+2248,U+2260,U+2264,U+2265,U+25CB,U+2713"
subset() {
  pyftsubset "$src/$1" --unicodes="$unicodes" --no-hinting --name-IDs='*' --name-languages='*' \
    --layout-features='kern,liga,calt,tnum,case,ccmp,locl,mark,mkmk' "${@:3}" --output-file="$2"
}
subset Inter-Regular.otf Inter-Regular.otf
subset Inter-Regular.otf Inter-Regular.woff2 --desubroutinize --flavor=woff2
subset Inter-Bold.otf Inter-Bold.woff2 --desubroutinize --flavor=woff2
