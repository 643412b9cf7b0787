#!/usr/bin/env bash
# scripts/packages.sh lint|python|npm|all — build and test the installable packages (docs/packages.md).
#
#   lint    cargo fmt --check, clippy -D warnings and the tests of the packages/ workspace
#   python  maturin builds the wheel (packages/python → target/wheels/), installs it into .venv/,
#           runs pytest (API, offsets, errors, Spark local mode and a Dask LocalCluster, both
#           checked against the `whosaid` CLI, $WHOSAID_CLI or target/debug/whosaid)
#   npm     cargo builds the wasm (profile `wasm`), wasm-bindgen --target web, wasm-opt -O3,
#           assembles packages/npm/pkg/, `npm pack`s it into target/npm/, installs the tarball
#           into a scratch project and runs its `node --test` there (Node and headless Chromium)
#
# Needs what scripts/setup.sh installs (.venv/, .wasm-env.sh, .tools/). Part of scripts/test.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
PKG=$ROOT/packages
VENV=$ROOT/.venv
VERSION=$(awk -F'"' '/^version = /{print $2; exit}' "$PKG/Cargo.toml")
ROOT_VERSION=$(awk -F'"' '/^version = /{print $2; exit}' "$ROOT/Cargo.toml")
[ "$VERSION" = "$ROOT_VERSION" ] || { echo "packages/Cargo.toml version $VERSION != Cargo.toml $ROOT_VERSION" >&2; exit 1; }

lint() {
    cargo fmt --manifest-path "$PKG/Cargo.toml" --all --check
    PYO3_PYTHON="$VENV/bin/python" cargo clippy --manifest-path "$PKG/Cargo.toml" --workspace --all-targets -- -D warnings
    cargo test --manifest-path "$PKG/Cargo.toml" -p whosaid-record
}

cli() {   # the CLI the tests compare with, up to date (a no-op right after `cargo test`)
    [ -n "${WHOSAID_CLI:-}" ] || cargo build -q --bin whosaid
}

python_pkg() {
    [ -x "$VENV/bin/python" ] || { echo "no $VENV: run scripts/setup.sh" >&2; exit 1; }
    cli
    rm -f "$ROOT"/target/wheels/whosaid-*.whl
    "$VENV/bin/maturin" build --release -m "$PKG/python/Cargo.toml" -i "$VENV/bin/python" \
        -o "$ROOT/target/wheels"
    local wheel
    wheel=$(ls "$ROOT"/target/wheels/whosaid-"$VERSION"-*.whl)
    echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KB)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall "$wheel"
    # -v: a line per test in the log; pytest's exit status is this script's (set -e).
    (cd "$PKG/python" && WHOSAID_PACKAGES_STRICT=1 "$VENV/bin/python" -m pytest -v -ra --durations=5 -p no:cacheprovider tests)
}

npm_pkg() {
    local out=$PKG/npm/pkg wasm glue=$ROOT/target/npm/bindgen
    cli
    ( . ./.wasm-env.sh
      cargo build --manifest-path "$PKG/Cargo.toml" -p whosaid-wasm --profile wasm --target wasm32-unknown-unknown
      rm -rf "$glue" "$out" && mkdir -p "$glue" "$out"
      wasm-bindgen --target web --no-typescript --out-dir "$glue" --out-name whosaid_wasm \
          "$PKG/target/wasm32-unknown-unknown/wasm/whosaid_wasm.wasm"
      # Features every Node >= 18 and current browser has (what rustc's wasm32 target emits).
      wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
          --enable-mutable-globals --enable-reference-types --enable-multivalue \
          "$glue/whosaid_wasm_bg.wasm" -o "$out/whosaid_wasm_bg.wasm" )
    cp "$glue/whosaid_wasm.js" "$PKG"/npm/js/*.js "$PKG"/npm/js/whosaid.d.ts "$PKG"/npm/js/README.md "$out/"
    sed "s/__VERSION__/$VERSION/" "$PKG/npm/js/package.json" > "$out/package.json"
    sed -i "s/__VERSION__/$VERSION/" "$out/api.js"
    wasm=$out/whosaid_wasm_bg.wasm
    printf 'npm package: whosaid_wasm_bg.wasm %d bytes, %d gzipped (-9); JS %d bytes gzipped\n' \
        "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$(cat "$out"/*.js | gzip -9c | wc -c)"
    mkdir -p "$ROOT/target/npm"
    (cd "$out" && npm pack --silent --pack-destination "$ROOT/target/npm" >/dev/null)
    local tarball=$ROOT/target/npm/whosaid-$VERSION.tgz consumer=$ROOT/target/npm/consumer
    echo "tarball: $tarball ($(du -k "$tarball" | cut -f1) KB)"
    # A scratch project that depends on the tarball, as a user's would: `import … from "whosaid"`.
    rm -rf "$consumer" && mkdir -p "$consumer/test"
    echo '{ "private": true, "type": "module" }' > "$consumer/package.json"
    (cd "$consumer" && npm install --offline --no-audit --no-fund --no-save "$tarball" >/dev/null)
    cp "$PKG"/npm/test/*.mjs "$consumer/test/"
    ( . ./.wasm-env.sh
      cd "$consumer" && WHOSAID_REPO="$ROOT" node --test --test-concurrency=1 test/*.test.mjs )
}

case "${1:-all}" in
lint) lint ;;
python) python_pkg ;;
npm) npm_pkg ;;
all) lint; python_pkg; npm_pkg ;;
*) echo "usage: $0 lint|python|npm|all" >&2; exit 2 ;;
esac
