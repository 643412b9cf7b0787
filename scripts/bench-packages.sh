#!/usr/bin/env bash
# scripts/bench-packages.sh [bench.py options] — throughput of the Python package vs the CLI and
# of Spark local mode (packages/python/bench.py), then of the npm package in Node
# (packages/npm/bench.mjs) on the same texts. Not part of the test command. Builds the `native`
# CLI, the wheel and the npm package first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
bash scripts/setup.sh >/dev/null 2>&1 || bash scripts/setup.sh
cargo build -q --profile native --bin whosaid
"$ROOT/.venv/bin/maturin" build -q --release -m packages/python/Cargo.toml -i "$ROOT/.venv/bin/python" -o target/wheels
"$ROOT/.venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall \
    "$(ls target/wheels/whosaid-*.whl | tail -1)"
"$ROOT/.venv/bin/python" packages/python/bench.py "$@"
bash scripts/packages.sh npm >/dev/null
"$ROOT/.venv/bin/python" -c "import json, sys; sys.path.insert(0, 'packages/python/tests'); import corpus
json.dump(corpus.corpus_of_size(1_000_000), open('target/npm/corpus-1mb.json', 'w'))"
cp packages/npm/bench.mjs target/npm/consumer/
(cd target/npm/consumer && node bench.mjs ../corpus-1mb.json)
