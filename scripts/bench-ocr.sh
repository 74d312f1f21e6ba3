#!/usr/bin/env bash
# OCR speed, side by side in one run on the same scanned fixtures and the same cores:
#   prakat ingest                    (release build; pages in parallel, one engine per worker)
#   ocrmypdf -l tha --sidecar        (Debian's OCRmyPDF, --jobs = cores)
#   pdftoppm -r 300 | tesseract -l tha  (pages rendered to PGM files, then tesseract on each,
#                                    cores pages at a time with OMP_THREAD_LIMIT=1: the best a
#                                    shell user gets from the two)
# Prints a Markdown table: wall seconds, pages per minute, peak memory; then prakat's peak
# memory on the same files repeated 4×, to show memory does not grow with the pages.
# Installs ocrmypdf, poppler-utils and time with apt-get when missing (root needed then).
# Usage: scripts/bench-ocr.sh [FILES...]   (default: the scanned PDFs in fixtures/scans)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v ocrmypdf >/dev/null || need+=(ocrmypdf)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
scripts/install-deps.sh
cargo build --release --locked --quiet

jobs=$(nproc)
if [ $# -gt 0 ]; then files=("$@"); else
  files=()
  for f in fixtures/scans/*.pdf; do
    case "$(basename "$f")" in
      bad_pages.pdf | text_*.pdf) ;;  # not scans of a document
      *) files+=("$f") ;;
    esac
  done
fi
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command under /usr/bin/time; prints "wall_seconds peak_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
    echo "failed: $*" >&2; cat "$tmp/stderr" >&2; return 1; }
  cat "$tmp/time"
}

prakat_run() { target/release/prakat ingest --jobs "$jobs" --json "$@"; }
ocrmypdf_run() {
  for f in "$@"; do
    ocrmypdf -q -l tha --jobs "$jobs" --sidecar "$tmp/sidecar.txt" "$f" "$tmp/out.pdf"
  done
}
poppler_run() {
  for f in "$@"; do
    rm -f "$tmp"/p-*.pgm
    pdftoppm -r 300 -gray "$f" "$tmp/p"
    ls "$tmp"/p-*.pgm | OMP_THREAD_LIMIT=1 xargs -P "$jobs" -I{} tesseract {} - -l tha >/dev/null 2>&1
  done
}
export -f ocrmypdf_run poppler_run prakat_run
export tmp jobs

echo "$pages pages in ${#files[@]} files, $jobs cores, $(date -u +%Y-%m-%d)"
echo
echo "| tool | wall s | pages/min | peak memory MB |"
echo "|---|---|---|---|"
for tool in prakat ocrmypdf poppler; do
  read -r wall kb < <(measure bash -c "${tool}_run \"\$@\"" _ "${files[@]}")
  label=$tool
  case $tool in
    prakat) label="prakat ingest" ;;
    ocrmypdf) label="ocrmypdf -l tha --sidecar" ;;
    poppler) label="pdftoppm -r 300 \\| tesseract -l tha" ;;
  esac
  awk -v l="$label" -v w="$wall" -v p="$pages" -v k="$kb" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.0f |\n", l, w, p * 60 / w, k / 1024 }'
done

# Memory against the number of pages: the same files once and four times over.
read -r _ kb1 < <(measure target/release/prakat ingest --jobs "$jobs" --json "${files[@]}")
four=("${files[@]}" "${files[@]}" "${files[@]}" "${files[@]}")
read -r _ kb4 < <(measure target/release/prakat ingest --jobs "$jobs" --json "${four[@]}")
echo
awk -v a="$kb1" -v b="$kb4" -v p="$pages" \
  'BEGIN { printf "prakat peak memory: %.0f MB for %d pages, %.0f MB for %d pages\n", a / 1024, p, b / 1024, 4 * p }'
