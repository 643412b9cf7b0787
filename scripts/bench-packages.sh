#!/usr/bin/env bash
# scripts/bench-packages.sh [bench.py options] — throughput of the Python package vs the CLI and
# of Spark local mode (packages/python/bench.py; not part of the test command). Builds the
# `native` CLI and the wheel first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
bash scripts/setup.sh >/dev/null 2>&1 || bash scripts/setup.sh
cargo build -q --profile native --bin whosaid
"$ROOT/.venv/bin/maturin" build -q --release -m packages/python/Cargo.toml -i "$ROOT/.venv/bin/python" -o target/wheels
"$ROOT/.venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall \
    "$(ls target/wheels/whosaid-*.whl | tail -1)"
exec "$ROOT/.venv/bin/python" packages/python/bench.py "$@"
