#!/usr/bin/env bash
# Installs the system packages prakat needs, only those missing. Idempotent and quiet when
# everything is there. Needs root (or sudo) for apt-get.
#   tesseract-ocr, tesseract-ocr-tha  Tesseract and its Thai model (OCR of scanned pages)
#   tesseract-ocr-osd                 orientation data (pages scanned sideways or upside down)
#   libtesseract-dev, libleptonica-dev, libclang-dev, pkg-config  building the Tesseract binding
#   poppler-utils                     pdftoppm: draws PDF pages whose text layer is unreadable
#                                     and that have no image to OCR (src/source/render.rs)
set -euo pipefail
packages=(pkg-config tesseract-ocr tesseract-ocr-tha tesseract-ocr-osd libtesseract-dev libleptonica-dev libclang-dev poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
