#!/usr/bin/env bash
# scripts/build.sh — set up (idempotent), then build the release app into dist/ (static files,
# relative URLs: host them under any path of any static file server).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
( . ./.wasm-env.sh && trunk build --release )
bash scripts/size-report.sh
