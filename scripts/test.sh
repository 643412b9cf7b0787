#!/usr/bin/env bash
# scripts/test.sh — every check, from a fresh clone: set-up (idempotent), formatting, lints,
# native tests, the engine without the `web` feature, the Python wheel and the npm package with
# their tests (scripts/packages.sh), the release build and its size, wasm-bindgen-test tests in
# headless Chromium, end-to-end tests of dist/ in Chromium.
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

step "cargo clippy --features web (the UI's lints, native)"
cargo clippy --features web --lib --tests -- -D warnings

step "wasm32 lints (feature web)"
if [ "$(. ./.wasm-env.sh && echo "$WHOSAID_WASM_TOOLCHAIN")" = rustup ]; then
    ( . ./.wasm-env.sh && cargo clippy --target wasm32-unknown-unknown --features web --bins --lib --test web -- -D warnings )
else
    # Debian's rustc-web ships no clippy: compile-check instead, failing on any warning in our code.
    log=$(mktemp)
    ( . ./.wasm-env.sh && cargo check --target wasm32-unknown-unknown --features web --bins --lib --test web 2>&1 ) | tee "$log"
    if grep -qE '^ +--> (src|tests)/' "$log"; then echo "warnings in the wasm32 build" >&2; rm -f "$log"; exit 1; fi
    rm -f "$log"
fi

step "native tests (unit, integration, doc)"
cargo test

step "the app's unit tests (src/web, native, feature web)"
cargo test --features web --lib web::

step "engine without the web feature (native + wasm32 library)"
cargo build --lib --no-default-features
( . ./.wasm-env.sh && cargo build --lib --no-default-features --target wasm32-unknown-unknown )

step "packages: fmt, clippy, record tests (packages/ workspace)"
bash scripts/packages.sh lint

step "Python package: maturin wheel, pytest (API, offsets, errors, Spark local[2], Dask LocalCluster vs the CLI)"
bash scripts/packages.sh python

step "npm package: wasm-bindgen build, npm pack, node --test (Node and Chromium)"
bash scripts/packages.sh npm

step "trunk build --release"
( . ./.wasm-env.sh && trunk build --release )
bash scripts/size-report.sh

step "wasm-bindgen-test in headless Chromium"
( . ./.wasm-env.sh && cargo test --target wasm32-unknown-unknown --features web --test web )

step "end-to-end tests: dist/ under a sub-path in Chromium (playwright-core)"
( . ./.wasm-env.sh && node --test --test-concurrency=1 tests/e2e/ )

step "ALL CHECKS PASSED"
