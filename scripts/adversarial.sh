#!/usr/bin/env bash
# scripts/adversarial.sh — how the native CLI scales on inputs built to hurt it: time and peak
# memory of `whosaid analyze` on generated inputs (benches/adversarial_inputs.rs), each run under
# a time and a memory limit, as a Markdown table. No criterion, no browser.
#
# Usage: bash scripts/adversarial.sh [--timeout S] [--mem-gb G] [--runs N] [--sizes "B B …"] [--patterns "P P …"]
#   --timeout S     wall-clock limit per run, in seconds (default 60): a slower run prints "timeout".
#   --mem-gb G      virtual memory limit per run (ulimit -v, default 8): an allocation failure
#                   prints "OOM".
#   --runs N        runs per input (default 1); the table shows the fastest. A run that times out,
#                   runs out of memory or fails is not repeated.
#   --sizes "…"     input sizes in bytes (default "262144 1048576 4194304": 256 KB, 1 MB, 4 MB).
#   --patterns "…"  patterns (default: all; `gen_adversarial --list`).
# Builds target/native/whosaid and the gen_adversarial example (cargo --profile native), writes
# the inputs to bench/out/adversarial/ (gitignored), runs
#   /usr/bin/time -v timeout S target/native/whosaid analyze FILE > /dev/null
# --runs times per input and prints: pattern, size, seconds, peak RSS (MB), RSS / input size, the
# growth of the time from 1 MB to 4 MB (≈ 4 when linear, ≈ 16 when quadratic; "> ×N" when the
# 4 MB run timed out). The table also goes to bench/out/adversarial/results.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

TIMEOUT=60
MEM_GB=8
RUNS=1
SIZES="262144 1048576 4194304"
PATTERNS=
while (($#)); do
    case "$1" in
    --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    --mem-gb) MEM_GB=${2:?--mem-gb needs a number}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --sizes) SIZES=${2:?--sizes needs sizes in bytes}; shift 2 ;;
    --patterns) PATTERNS=${2:?--patterns needs pattern names}; shift 2 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0"; exit 0 ;;
    *) echo "adversarial: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
log() { printf '[adversarial] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"
log "building the native CLI and the input generator (cargo build --profile native)"
cargo build --quiet --profile native --bin whosaid --example gen_adversarial
BIN=$ROOT/target/native/whosaid
GEN=$ROOT/target/native/examples/gen_adversarial
[ -n "$PATTERNS" ] || PATTERNS=$("$GEN" --list | tr '\n' ' ')
OUT=$ROOT/bench/out/adversarial
mkdir -p "$OUT"

human() { # bytes -> "256 KB" / "1 MB"
    awk -v b="$1" 'BEGIN { if (b >= 1048576 && b % 1048576 == 0) printf "%d MB", b / 1048576;
        else if (b >= 1024 && b % 1024 == 0) printf "%d KB", b / 1024; else printf "%d B", b }'
}

# One run: prints "seconds rss_kb" or "timeout -" / "OOM -" / "error(N) -".
run_one() {
    local file=$1 err=$OUT/time.err rc=0
    (
        ulimit -v "$(awk -v g="$MEM_GB" 'BEGIN { printf "%d", g * 1048576 }')"
        /usr/bin/time -v timeout "$TIMEOUT" "$BIN" analyze "$file" > /dev/null 2> "$err"
    ) || rc=$?
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$err")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$err")
    if [ "$rc" -eq 124 ] || grep -q 'Exit status: 124' "$err"; then
        echo "timeout -"
    elif grep -qiE 'memory allocation .* failed|out of memory|cannot allocate' "$err"; then
        echo "OOM -"
    elif [ "$rc" -ne 0 ]; then
        echo "error($rc) -"
    else
        echo "${secs:-?} ${rss:-0}"
    fi
}

TABLE=$OUT/results.md
{
    echo "| pattern | size | seconds | peak RSS (MB) | RSS / input | growth 1 MB → 4 MB |"
    echo "|---|---|---|---|---|---|"
} > "$TABLE"
log "load average: $(cut -d' ' -f1-3 /proc/loadavg); limits: ${TIMEOUT}s, ${MEM_GB} GB per run; $RUNS run(s) per input"
for p in $PATTERNS; do
    declare -A T=()
    for size in $SIZES; do
        file=$OUT/$p-$size.txt
        "$GEN" "$p" "$size" > "$file"
        bytes=$(stat -c %s "$file")
        log "$p $(human "$size") ($bytes bytes)"
        read -r secs rss_kb < <(run_one "$file")
        for ((r = 2; r <= RUNS; r++)); do
            [[ $secs =~ ^[0-9.]+$ ]] || break
            read -r s2 k2 < <(run_one "$file")
            if [[ $s2 =~ ^[0-9.]+$ ]] && awk -v a="$s2" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
                secs=$s2
                rss_kb=$k2
            fi
        done
        T[$size]=$secs
        if [[ $secs =~ ^[0-9.]+$ ]]; then
            rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
            ratio=$(awk -v k="$rss_kb" -v b="$bytes" 'BEGIN { printf "%.1f", k * 1024 / b }')
        else
            rss_mb="–"
            ratio="–"
        fi
        growth=""
        if [ "$size" = 4194304 ]; then
            t1=${T[1048576]:-}
            if [[ $secs =~ ^[0-9.]+$ && $t1 =~ ^[0-9.]+$ ]]; then
                growth=$(awk -v a="$secs" -v b="$t1" 'BEGIN { if (b > 0) printf "×%.1f", a / b; else print "–" }')
            elif [[ $t1 =~ ^[0-9.]+$ ]]; then
                growth="> ×$(awk -v a="$TIMEOUT" -v b="$t1" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "?" }')"
            fi
        fi
        echo "| $p | $(human "$size") | $secs | $rss_mb | $ratio | $growth |" >> "$TABLE"
    done
    unset T
done
rm -f "$OUT/time.err"
cat "$TABLE"
