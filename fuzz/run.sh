#!/usr/bin/env bash
# Seed the corpora from samples/ and tests/data/, then fuzz each target.
# usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]   (needs: rustup nightly, cargo-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(topology certs config)

seed() {
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp -f "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
shopt -s nullglob globstar
seed topology samples/*/topology.* tests/data/topology/**/*.xml tests/data/check/*.xml
seed certs samples/*/certs/* samples/*/ca/* tests/data/certs/**/*.pem tests/data/certs/**/*.cer \
  tests/data/certs/**/*.p7b tests/data/certs/**/*.pfx
seed config samples/*/*.toml tests/cmd/config/**/*.toml

for t in "${targets[@]}"; do
  mkdir -p fuzz/artifacts/$t
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -max_len=262144 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    2>&1 | tee "fuzz/artifacts/$t/run.log" | grep -E "^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|artifact)" || true
done
