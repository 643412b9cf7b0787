#!/usr/bin/env bash
# scripts/setup.sh — idempotent toolchain setup for whosaid (Yew + Trunk + wasm-bindgen-test + playwright-core).
#
# Installs only what is missing: Debian packages (chromium, chromium-driver, node, npm, Java 17
# for PySpark, python3-venv; for the fallback toolchain rustc-web, cargo-web, rust-web-src,
# lld-16), trunk and wasm-bindgen-cli (cargo install), npm tools (playwright-core, binaryen.js for
# wasm-opt, axe-core) into .tools/, the Python venv .venv/ (pinned maturin, pytest, pyspark,
# pyarrow, pandas, dask[distributed]: packages/python/requirements-dev.txt + constraints.txt),
# fetches all crates, and writes .wasm-env.sh, which the other scripts source (in a subshell)
# before any wasm build. A second run installs nothing (≈3 s).
#
# Env:  WASM_TOOLCHAIN=auto|rustup|debian  (auto: rustup's wasm32 target if it has or can add it,
#                                          else Debian's rustc-web with -Z build-std + wasm-ld-16)
#       RUSTUP_ADD_TIMEOUT=seconds         (auto mode: how long `rustup target add` may take; 180)
# Not root? Missing Debian packages are listed with the exact apt-get command, then it stops.
# Details and the reasons for every pin: docs/toolchain.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS_DIR=${TOOLS_DIR:-$ROOT/.tools}
ENV_FILE=$ROOT/.wasm-env.sh
WASM_TOOLCHAIN=${WASM_TOOLCHAIN:-auto}
TRUNK_VERSION=0.21.14            # 0.22.x requires rustc >= 1.96.1
RUSTUP_ADD_TIMEOUT=${RUSTUP_ADD_TIMEOUT:-180}

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$CARGO_BIN:$PATH"
export DEBIAN_FRONTEND=noninteractive
cd "$ROOT"

# ---------------------------------------------------------------- 1. system packages
MISSING=()
need_pkg() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ] || MISSING+=("$1"); }
need_cmd() { command -v "$1" >/dev/null 2>&1 || need_pkg "$2"; }
apt_install_missing() {
    ((${#MISSING[@]})) || return 0
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            log "sudo apt-get install ${MISSING[*]}"
            sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
        else
            die "missing system packages. Install them, then run this again:
    sudo apt-get update && sudo apt-get install --no-install-recommends ${MISSING[*]}"
        fi
    else
        log "apt-get install ${MISSING[*]}"
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
    fi
    MISSING=()
}
need_cmd chromium chromium
need_cmd chromedriver chromium-driver
need_cmd node nodejs
need_cmd npm npm
need_cmd python3 python3
need_cmd gzip gzip
need_cmd cargo cargo-web
need_cmd curl curl
java_major=$(java -version 2>&1 | awk -F'"' '/version/{split($2, v, "."); print v[1]; exit}' || true)
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || need_pkg openjdk-17-jre-headless   # PySpark 4 (Python package tests)
python3 -c 'import ensurepip, venv' 2>/dev/null || need_pkg python3-venv
apt_install_missing
command -v cargo >/dev/null || die "no cargo on PATH"
cr=$(chromium --version 2>/dev/null | grep -o '[0-9]\+' | sed -n 1p)
cd_=$(chromedriver --version | grep -o '[0-9]\+' | sed -n 1p)
[ "$cr" = "$cd_" ] || die "chromium ($cr) and chromedriver ($cd_) major versions differ"

# ---------------------------------------------------------------- 2. the wasm32 toolchain
rustup_wasm_ok() {   # rustup lists the target AND its std is really there
    command -v rustup >/dev/null 2>&1 || return 1
    local targets sysroot
    targets=$(rustup target list --installed 2>/dev/null) || return 1
    grep -qx wasm32-unknown-unknown <<<"$targets" || return 1
    sysroot=$(rustc --print sysroot 2>/dev/null) || return 1
    compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}
if [ "$WASM_TOOLCHAIN" = auto ]; then
    if ! rustup_wasm_ok && command -v rustup >/dev/null 2>&1; then
        log "trying: rustup target add wasm32-unknown-unknown (timeout ${RUSTUP_ADD_TIMEOUT}s)"
        timeout "$RUSTUP_ADD_TIMEOUT" rustup target add wasm32-unknown-unknown </dev/null ||
            log "rustup could not add the wasm32 target: falling back to Debian's rustc-web"
    fi
    if rustup_wasm_ok; then WASM_TOOLCHAIN=rustup; else WASM_TOOLCHAIN=debian; fi
fi
case "$WASM_TOOLCHAIN" in
rustup)
    rustup_wasm_ok || die "WASM_TOOLCHAIN=rustup but rustup has no wasm32-unknown-unknown std"
    log "wasm32 toolchain: rustup ($(rustc --version)), prebuilt std"
    ;;
debian)
    for p in rustc-web cargo-web rust-web-src lld-16; do need_pkg "$p"; done
    apt_install_missing
    [ -d /usr/lib/rustlib/src/rust/library/std ] || die "rust-web-src: /usr/lib/rustlib/src/rust/library missing"
    command -v wasm-ld-16 >/dev/null || die "wasm-ld-16 missing (package lld-16)"
    log "wasm32 toolchain: Debian $(/usr/bin/rustc --version) + build-std + wasm-ld-16"
    ;;
*) die "WASM_TOOLCHAIN must be auto, rustup or debian" ;;
esac

# ---------------------------------------------------------------- 3. trunk
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION (≈10 min on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# ---------------------------------------------------------------- 4. wasm-bindgen-cli == Cargo.lock's wasm-bindgen
WB_VERSION=$(awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$WB_VERSION" ] || die "wasm-bindgen not found in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ] ||
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
    log "cargo install wasm-bindgen-cli $WB_VERSION (≈3 min, once)"
    # --locked can name a crate version the registry does not serve: then resolve afresh.
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
        cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# ---------------------------------------------------------------- 5. npm tools (pinned in tools/package.json)
mkdir -p "$TOOLS_DIR"
if ! cmp -s "$ROOT/tools/package.json" "$TOOLS_DIR/package.json" || [ ! -d "$TOOLS_DIR/node_modules" ]; then
    log "npm install into $TOOLS_DIR ($(node -p "Object.keys(require('$ROOT/tools/package.json').dependencies).join(', ')"))"
    cp "$ROOT/tools/package.json" "$TOOLS_DIR/package.json"
    [ -f "$ROOT/tools/package-lock.json" ] && cp "$ROOT/tools/package-lock.json" "$TOOLS_DIR/package-lock.json"
    # playwright-core never downloads a browser; the variable guards against a stray `playwright`.
    (cd "$TOOLS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund >/dev/null 2>&1) ||
        die "npm install failed in $TOOLS_DIR"
fi

# ---------------------------------------------------------------- 5b. Python venv (packages/python)
# .venv/ holds the pinned tools of the Python package's build and tests. Its stamp is the hash of
# the two pin files: unchanged pins and every tool importable = nothing to do.
VENV=$ROOT/.venv
PY_PINS=("$ROOT/packages/python/requirements-dev.txt" "$ROOT/packages/python/constraints.txt")
py_stamp=$(cat "${PY_PINS[@]}" | sha256sum | cut -d' ' -f1)
py_ok() {   # the stamp matches and every tool is still there
    [ "$(cat "$VENV/.whosaid-pins" 2>/dev/null)" = "$py_stamp" ] && [ -x "$VENV/bin/maturin" ] &&
        "$VENV/bin/python" -c 'import importlib.util as u, sys
sys.exit(any(u.find_spec(m) is None for m in ("pytest", "pyspark", "pyarrow", "pandas", "dask", "distributed")))' 2>/dev/null
}
if ! py_ok; then
    log "Python venv $VENV: pip install -r packages/python/requirements-dev.txt (≈30 s from pip's cache, ≈2 min downloading)"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --no-compile --disable-pip-version-check --no-input \
        -r "${PY_PINS[0]}" -c "${PY_PINS[1]}" || die "pip install into $VENV failed"
    echo "$py_stamp" > "$VENV/.whosaid-pins"
fi

# ---------------------------------------------------------------- 6. env file for wasm builds and tests
{
    echo "# generated by scripts/setup.sh — source in a subshell before trunk / cargo … --target wasm32-unknown-unknown"
    echo "# toolchain: $WASM_TOOLCHAIN"
    if [ "$WASM_TOOLCHAIN" = debian ]; then
        echo "export PATH=\"$TOOLS_DIR/node_modules/.bin:/usr/bin:$CARGO_BIN:\$PATH\"  # Debian cargo first: trunk runs plain \`cargo\`"
        echo "export RUSTC=/usr/bin/rustc"
        echo "export RUSTC_BOOTSTRAP=1                          # -Z build-std on a stable toolchain"
        echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
        echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-16"
    else
        echo "export PATH=\"$TOOLS_DIR/node_modules/.bin:$CARGO_BIN:\$PATH\""
    fi
    echo "export WHOSAID_WASM_TOOLCHAIN=$WASM_TOOLCHAIN"
    echo "export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true  # trunk never downloads tools"
    echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner"
    echo "export CHROMEDRIVER=/usr/bin/chromedriver"
    echo "export WASM_BINDGEN_TEST_TIMEOUT=\${WASM_BINDGEN_TEST_TIMEOUT:-180}"
    echo "export NODE_PATH=\"$TOOLS_DIR/node_modules\""
} > "$ENV_FILE"

# ---------------------------------------------------------------- 7. fetch crates so offline builds work
# Both are needed: --target wasm32 alone skips host-only deps; plain fetch skips build-std's crates.
( . "$ENV_FILE"; cargo fetch -q; cargo fetch -q --target wasm32-unknown-unknown
  cargo fetch -q --manifest-path packages/Cargo.toml )

# Panic locations name their source file: a dependency's is under the registry's absolute path
# (/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/src/…), ≈60 bytes a file in every wasm
# module. Remapped to the crate's own folder (after the fetch, so the registry exists): ≈200 bytes
# gzipped off the page, and the same bytes whatever CARGO_HOME is.
remap=""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    if [ -d "$d" ]; then remap="$remap --remap-path-prefix=$d="; fi
done
echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=\"${remap# }\"" >> "$ENV_FILE"

( . "$ENV_FILE"
  log "toolchain:    $WASM_TOOLCHAIN; $(cargo --version)"
  log "trunk:        $(trunk --version); wasm-bindgen $(wasm-bindgen --version | awk '{print $2}')"
  log "wasm-opt:     $(wasm-opt --version)"
  log "chromium:     $cr / chromedriver $cd_"
  log "python venv:  $("$VENV/bin/python" --version); java $(java -version 2>&1 | awk -F'"' '/version/{print $2}')" )
