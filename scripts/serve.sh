#!/usr/bin/env bash
# scripts/serve.sh — set up (idempotent), build the release app and serve it on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it). Nothing but static files is served.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash scripts/build.sh
PORT=${PORT:-8080}
echo "[serve] whosaid on http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
