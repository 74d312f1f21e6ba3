#!/usr/bin/env bash
# One command for a fresh Debian machine: install what is missing, build, and run the main job
# on the bundled fixtures: ingest the texts and OCR the scans (Documents in out/documents,
# search index in out/prakat-index), search the index, and print the evaluation reports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo build --release --locked
prakat=target/release/prakat
mkdir -p out
echo "== prakat ingest fixtures/text fixtures/scans --out out/documents --index out/prakat-index"
echo "   (the scans are OCR'd: about a minute on 2 cores; bad_pages.pdf warns about its broken pages)"
$prakat ingest fixtures/text fixtures/scans --out out/documents --index out/prakat-index
echo
echo "== prakat search 'กล่องรับฟังความคิดเห็น' --facets --index out/prakat-index"
$prakat search "กล่องรับฟังความคิดเห็น" --facets --limit 5 --index out/prakat-index
echo
echo "== prakat eval --bench (text path speed)"
$prakat eval --bench --seconds 2
echo
echo "== prakat eval --search (judged queries)"
$prakat eval --search | tail -n 1
echo
echo "== prakat eval fixtures/scans fixtures/digits --ocr-rules (OCR and digit accuracy against the truth texts)"
$prakat eval fixtures/scans fixtures/digits --ocr-rules | sed -n '/^OCR against/,$p'
