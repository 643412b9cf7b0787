#!/usr/bin/env bash
# scripts/screenshots.sh — refresh the README's screenshots (docs/screenshot-{light,dark}.png, desktop
# 1440×900, docs/screenshot-phone-{light,dark}.png, 390×844, and docs/screenshot-compare.png):
# builds the app and runs the end-to-end screenshot test with WHOSAID_UPDATE_SCREENSHOTS=1, the
# only way they are rewritten (the test command writes screenshots to tests/e2e/out/ only).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
bash scripts/setup.sh
( . ./.wasm-env.sh && trunk build --release )
( . ./.wasm-env.sh && WHOSAID_UPDATE_SCREENSHOTS=1 node --test --test-concurrency=1 --test-name-pattern='screenshots' tests/e2e/a11y.test.mjs )
( . ./.wasm-env.sh && WHOSAID_UPDATE_SCREENSHOTS=1 node --test --test-concurrency=1 --test-name-pattern='screenshot' tests/e2e/compare.test.mjs )
echo "screenshots: docs/screenshot-{light,dark}.png, docs/screenshot-phone-{light,dark}.png, docs/screenshot-compare.png"
