#!/usr/bin/env bash
# Rebuilds the fonts nianbao carries, reproducibly, from fonts that Debian serves:
#   texlive-lang-chinese  → the Fandol fonts (Song, Song Bold, Fang, Hei, Kai),
#                           GPL-3 with the font exception;
#   fonts-noto-cjk        → Noto Serif CJK SC, OFL-1.1, as the fallback for the
#                           ideographs of U+4E00–U+9FFF that Fandol lacks (喆 堃 珺 …).
# Needs apt-get (run as root after `apt-get update`) and python3; installs the
# pinned fonttools into a private virtualenv. Writes fonts/*.otf and fonts/SHA256SUMS.
#
#   bash fonts/make-subsets.sh          # rebuild, then `git diff --stat fonts/`
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

TEXLIVE_CHINESE="texlive-lang-chinese=2022.20230122-1"
NOTO_CJK="fonts-noto-cjk=1:20220127+repack1-1"
FONTTOOLS="fonttools==4.68.0"

cd "$work"
apt-get download "$TEXLIVE_CHINESE" "$NOTO_CJK"
mkdir tl noto
dpkg-deb -x texlive-lang-chinese_*.deb tl
dpkg-deb -x fonts-noto-cjk_*.deb noto
python3 -m venv venv
venv/bin/pip install --quiet "$FONTTOOLS"

venv/bin/python "$here/subset.py" \
  --fandol tl/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol \
  --noto noto/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
  --out "$here"

cd "$here"
sha256sum ./*.otf > SHA256SUMS
cat SHA256SUMS
