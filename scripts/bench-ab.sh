#!/usr/bin/env bash
# Two builds of the app, benchmarked in turns: A B A B … (issue 13/14/12's page benches move by
# ±15 % between runs of the same build, so one run of each cannot show a 5–10 % change).
#
#   bash scripts/bench-ab.sh REV_A REV_B ROUNDS -- COMMAND…
#   bash scripts/bench-ab.sh 7a8d688 HEAD 2 -- npx tsx scripts/bench-products-browser.ts
#   AB_TAIL=12 bash scripts/bench-ab.sh bd7fecb HEAD 3 -- npm run bench:browser
#
# Each run shows the last AB_TAIL lines of the bench's output (3: a page bench's summary; 12: the
# browser bench's four pages, their changes in order and the p50/p95 table).
#
# Each revision is built once in a worktree of its own; before each run its build is put in
# dist/, which the benches serve. The scripts and data generators are this checkout's, so both
# builds meet the same shop and the same measuring. dist/ is rebuilt from this checkout at the end.
set -euo pipefail
[ $# -ge 5 ] && [ "$4" = "--" ] || { sed -n '5,6p' "$0"; exit 2; }
rev_a=$1 rev_b=$2 rounds=$3
shift 4
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/yardstick-ab-XXXXXX)
cleanup() {
  for side in a b; do git -C "$root" worktree remove --force "$work/$side" 2>/dev/null || true; done
  git -C "$root" worktree prune
  (cd "$root" && npx vite build > /dev/null 2>&1) || echo "rebuild dist/ with: npx vite build"
  rm -rf "$work"
}
trap cleanup EXIT

for side in a b; do
  rev=$([ $side = a ] && echo "$rev_a" || echo "$rev_b")
  git -C "$root" worktree add -q --detach "$work/$side" "$rev"
  ln -s "$root/node_modules" "$work/$side/node_modules"
  (cd "$work/$side" && npx vite build > "$work/build-$side.log" 2>&1)
  echo "$side = $(git -C "$root" rev-parse --short "$rev") ($rev), built"
done

cd "$root"
for round in $(seq 1 "$rounds"); do
  for side in a b; do
    rm -rf dist && cp -r "$work/$side/dist" dist
    echo "== round $round, $side, load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$@" 2>&1 | tail -n "${AB_TAIL:-3}"
  done
done
