#!/usr/bin/env bash
# The guide's pictures, made from the real program (not drawn): the first page
# of the sample's PDF (pdftoppm, 60 dpi), and the start page and the editor of
# `nianbao serve` as headless Chromium shows them at 1280×720. Run from
# anywhere after a build; commit what changed in docs/src/images/.
#   docs/screenshots.sh            # uses target/debug/nianbao
#   NIANBAO=target/release/nianbao docs/screenshots.sh
# Needs pdftoppm (poppler-utils) and chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${NIANBAO:-target/debug/nianbao}")
images=$(realpath docs/src/images)
tmp=$(mktemp -d /tmp/nianbao-shots.XXXXXX)
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# A page of the PDF: the sample, page one.
"$bin" build inputs/2020.yaml -o "$tmp/out" --format pdf >/dev/null 2>&1
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/out/2020.pdf" "$images/page"

# The start page and the editor, in Chinese, on a folder holding the sample.
mkdir "$tmp/年报"
cp inputs/2020.yaml "$tmp/年报/2020.yaml"
port=8790
(cd "$tmp/年报" && LANG=zh_CN.UTF-8 exec "$bin" serve . --port "$port") >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  grep -q "127.0.0.1:$port" "$tmp/serve.log" 2>/dev/null && break
  sleep 0.2
done
shot() {
  # The virtual time budget lets the page's script fetch and draw (the
  # preview is typeset by the server first).
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$tmp/profile" --window-size=1280,720 \
    --virtual-time-budget=15000 --screenshot="$images/$1.png" "$2" 2>/dev/null
}
shot start "http://127.0.0.1:$port/?start"
shot editor "http://127.0.0.1:$port/?input=2020.yaml"
ls -l "$images"
