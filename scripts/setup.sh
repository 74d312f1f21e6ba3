#!/usr/bin/env bash
# One command for a fresh Debian machine: install what is missing, build, and run the main job
# (ingest every bundled fixture, then the evaluation report with the text-path benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo build --release --locked
mkdir -p out
echo "== prakat ingest fixtures/text --out out/documents"
target/release/prakat ingest fixtures/text --out out/documents
echo
echo "== prakat eval --bench"
target/release/prakat eval --bench --seconds 2
