#!/usr/bin/env bash
# The whole test suite: formatting, lints (warnings are errors), unit, property and
# integration tests. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
