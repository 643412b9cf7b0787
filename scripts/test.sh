#!/usr/bin/env bash
# scripts/test.sh — every check, from a fresh clone: set-up (idempotent), formatting, lints,
# native tests, the engine without the `web` feature, the release build and its size,
# wasm-bindgen-test tests in headless Chromium, end-to-end tests of dist/ in Chromium.
# Exits non-zero on the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
START=$SECONDS
step() { printf '\n== [%4ss] %s\n' "$((SECONDS - START))" "$*"; }

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings (native)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32, feature web)"
( . ./.wasm-env.sh && cargo clippy --target wasm32-unknown-unknown --features web --bins --lib --test web -- -D warnings )

step "native tests (unit, integration, doc)"
cargo test

step "engine without the web feature (native + wasm32 library)"
cargo build --lib --no-default-features
( . ./.wasm-env.sh && cargo build --lib --no-default-features --target wasm32-unknown-unknown )

step "trunk build --release"
( . ./.wasm-env.sh && trunk build --release )
bash scripts/size-report.sh

step "wasm-bindgen-test in headless Chromium"
( . ./.wasm-env.sh && cargo test --target wasm32-unknown-unknown --features web --test web )

step "end-to-end tests: dist/ under a sub-path in Chromium (playwright-core)"
( . ./.wasm-env.sh && node --test --test-concurrency=1 tests/e2e/ )

step "ALL CHECKS PASSED"
