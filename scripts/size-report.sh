#!/usr/bin/env bash
# scripts/size-report.sh [DIST] — gzipped size of the release app (dist/*.wasm, *.js, *.css),
# one line per file and the total; fails if the total is above the budget (350 KB = 358400 bytes,
# override with SIZE_BUDGET_BYTES). Run after `trunk build --release`. The comparison worker
# (compare_worker*, fetched only when a user compares two documents) and the learned model are
# listed apart, outside the page's budget.
set -euo pipefail
DIST=${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}
BUDGET=${SIZE_BUDGET_BYTES:-358400}
[ -f "$DIST/index.html" ] || { echo "size-report: no $DIST/index.html (run trunk build --release)" >&2; exit 1; }
shopt -s nullglob
files=()
for f in "$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css; do
    case "$(basename "$f")" in compare_worker*) ;; *) files+=("$f") ;; esac
done
((${#files[@]})) || { echo "size-report: no wasm/js/css in $DIST" >&2; exit 1; }
total=0
printf '%-44s %10s %10s\n' "file (dist/)" "bytes" "gzip -9"
for f in "${files[@]}"; do
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10s %10d  (%d.%d KB; budget %d KB)\n' "TOTAL wasm+js+css, gzipped" "" "$total" \
    $((total / 1024)) $(((total % 1024) * 10 / 1024)) $((BUDGET / 1024))
# The comparison worker: fetched the first time two documents are compared, not with the page.
for f in "$DIST"/compare_worker*; do
    printf '%-44s %10d %10d  (loaded only when comparing, outside the page budget)\n' \
        "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
# The learned model is fetched once by the worker, apart from the app (issue 11: its own budget, 2 MB gz).
for m in "$DIST"/*.model; do
    printf '%-44s %10d %10d  (the learned model, outside the app budget; its own budget 2 MB gz)\n' \
        "$(basename "$m")" "$(wc -c <"$m")" "$(gzip -9 -c "$m" | wc -c)"
done
if [ "$total" -gt "$BUDGET" ]; then
    echo "size-report: FAIL: $total bytes gzipped is over the budget of $BUDGET bytes" >&2
    exit 1
fi
echo "size-report: OK"
