#!/usr/bin/env bash
# scripts/bench.sh — whosaid's speed side by side with compromise and wink-nlp, in one headless
# Chromium, on the same ≥ 1 MB of real news text; plus the app path, transfer size and the native CLI.
#
# Usage: bash scripts/bench.sh [--polnear DIR] [--runs N] [--rebuild]
#   --polnear DIR  PolNeAR directory (uses DIR/dev/text); default ../shared/data/polnear when it
#                  exists, else the seed articles in tests/fixtures/seeds (repeated to ≥ 1 MB).
#   --runs N       timed runs per library after one warm-up (default 7; a library whose warm-up
#                  takes > 20 s gets 3).
#   --rebuild      rebuild dist/ even when it looks up to date.
# Steps: scripts/setup.sh (idempotent); bench npm deps (bench/package-lock.json) into
# bench/node_modules; `trunk build --release` when dist/ is missing or older than its sources;
# `cargo build --profile native` (target/native/whosaid); the corpus, written to bench/out/corpus
# (gitignored: corpus text is never copied into the repository); then bench/run.mjs, which prints
# a Markdown table and writes bench/out/results.{json,md}. Not part of scripts/test.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

POLNEAR=
RUNS=7
REBUILD=0
while (($#)); do
    case "$1" in
    --polnear) POLNEAR=${2:?--polnear needs a directory}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
log() { printf '[bench] %s\n' "$*" >&2; }

# Corpus source, checked before any build.
if [ -z "$POLNEAR" ] && [ -d "$ROOT/../shared/data/polnear/dev/text" ]; then
    POLNEAR=$ROOT/../shared/data/polnear
fi
if [ -n "$POLNEAR" ]; then
    [ -d "$POLNEAR/dev/text" ] || { log "ERROR: $POLNEAR/dev/text not found"; exit 1; }
    SRC=$(cd "$POLNEAR/dev/text" && pwd)
else
    SRC=$ROOT/tests/fixtures/seeds
fi

# ---------------------------------------------------------------- 1. toolchain + bench deps
bash scripts/setup.sh
if [ ! -f bench/node_modules/.package-lock.json ] || ! cmp -s bench/package-lock.json bench/node_modules/.bench-lock; then
    log "npm ci in bench/ (compromise, wink-nlp, wink-eng-lite-web-model, esbuild)"
    (cd bench && npm ci --no-audit --no-fund --loglevel=error)
    cp bench/package-lock.json bench/node_modules/.bench-lock
fi

# ---------------------------------------------------------------- 2. the release app, with the bench exports
# The same sources and release profile as dist/, plus feature `bench-api` (window.wasmBindings.benchAnalyze),
# built into bench/out/dist so the shipped dist/ stays lean.
BDIST=bench/out/dist
stale=0
if [ "$REBUILD" = 1 ] || [ ! -f "$BDIST/index.html" ]; then
    stale=1
elif [ -n "$(find src model index.html styles Cargo.toml Cargo.lock Trunk.toml scripts/csp-postbuild.mjs \
        -newer "$BDIST/index.html" -type f -print -quit 2>/dev/null)" ]; then
    stale=1
elif ! grep -qs benchAnalyze "$BDIST"/app-*.js; then
    stale=1
fi
if [ "$stale" = 1 ]; then
    # trunk takes cargo features from index.html's data-cargo-features (its --features flag does
    # not override them), so build from a copy that asks for web,bench-api.
    sed 's/data-cargo-features="web"/data-cargo-features="web,bench-api"/g' index.html > .bench-index.html
    log "trunk build --release --dist $BDIST .bench-index.html (features web,bench-api)"
    ( . ./.wasm-env.sh && trunk build --release --dist "$BDIST" .bench-index.html )
    rm -f .bench-index.html
    [ -f "$BDIST/index.html" ] || { [ -f "$BDIST/.bench-index.html" ] && mv "$BDIST/.bench-index.html" "$BDIST/index.html"; }
fi
grep -qs benchAnalyze "$BDIST"/app-*.js || { log "ERROR: $BDIST/app-*.js does not export benchAnalyze (src/wasm_api.rs)"; exit 1; }

# ---------------------------------------------------------------- 3. the native CLI
log "cargo build --profile native (target/native/whosaid)"
cargo build --quiet --profile native --bin whosaid

# ---------------------------------------------------------------- 4. the corpus (≥ 1 MB, outside the tracked tree)
node bench/corpus.mjs bench/out/corpus "$SRC" 1048576

# ---------------------------------------------------------------- 5. measure
( . ./.wasm-env.sh && node bench/run.mjs --dist "$BDIST" --corpus bench/out/corpus --native target/native/whosaid \
    --article tests/fixtures/seeds/004_c516d1f4fd7c086b.txt --out bench/out --runs "$RUNS" )

# The table's transfer row is the bench build (it carries the bench export); the shipped app is smaller.
if [ -f dist/index.html ]; then
    log "shipped dist/ (no bench export), gzipped:"
    bash scripts/size-report.sh || true
fi
