#!/usr/bin/env bash
# Compares one bench between a git ref and the working tree, alternating the two, process by
# process, so both see the same machine: on shared 2-core VMs the same code can run twice as slow
# from one hour to the next, and only interleaved runs compare fairly.
#
#   bash bench/compare.sh REF [BENCH] [PAIRS]      e.g. bash bench/compare.sh HEAD~3 scoring 4
#
# Prints each pair's `seconds` and `peakRssMb`; bench/results.json is left as it was. The ref runs
# with the working tree's node_modules: compare refs whose dependencies are the same.
set -euo pipefail
ref=${1:?usage: bench/compare.sh REF [BENCH] [PAIRS]}
bench=${2:-scoring}
pairs=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
base=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$base/ref" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git -C "$root" worktree add --detach -q "$base/ref" "$ref"
ln -s "$root/node_modules" "$base/ref/node_modules"
cp "$root/bench/results.json" "$base/results.json"
figures() {
  (cd "$1" && npm run --silent bench -- "$bench" 2>&1) |
    awk '$1 == "seconds" || $1 == "peakRssMb" { printf "%s=%s ", $1, $2 }'
}
for i in $(seq "$pairs"); do
  echo "pair $i  $ref: $(figures "$base/ref")  working tree: $(figures "$root")"
done
cp "$base/results.json" "$root/bench/results.json"
