#!/usr/bin/env bash
# The whole test suite: formatting, lints (warnings are errors), unit, property and
# integration tests (OCR tests run Tesseract: one OpenMP thread, see src/ocr). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
OMP_THREAD_LIMIT=1 cargo test --locked
