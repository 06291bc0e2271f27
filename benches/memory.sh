#!/usr/bin/env bash
# memory.sh - peak resident memory of the release binary on a large topology.
#
#   benches/memory.sh            # the 20,000-machine set (and the 200-machine one
#   benches/memory.sh 50000      #  as the baseline for the fixed cost)
#
# Builds `target/release/topocert`, generates the inputs (scripts/gen-large.sh,
# cached), then runs under GNU time -v:
#   topocert check TOPOLOGY --certs CERTS --ca CA --valid-at 2026-06-01 --format json > /dev/null
#   topocert list TOPOLOGY --format json > /dev/null
# and prints peak RSS against the input size. Target: peak RSS <= 4 x input bytes
# + a small constant (the constant is read off the 200-machine run).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-20000}"
BASE=200

if [ ! -x /usr/bin/time ]; then
    echo "memory.sh: installing GNU time" >&2
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

cargo build --release --quiet
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
bin="$target_dir/release/topocert"

declare -A dirs
while IFS=$'\t' read -r n _ _ dir; do
    dirs[${n#n=}]="$dir"
done < <(scripts/gen-large.sh "$BASE" "$N")

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# measure NAME N CMD...: run CMD under GNU time; print "peak_kib wall_s exit"
measure() {
    local out="$tmp/$1.time" status=0
    shift
    /usr/bin/time -v "$@" > /dev/null 2> "$out" || status=$?
    local rss wall
    rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$out")"
    wall="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out")"
    echo "$rss $wall $status"
}

bytes_of() { find "$@" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

printf '%-6s %-6s %12s %12s %12s %10s %8s %6s\n' N cmd topo_bytes input_bytes peak_rss_kib rss/input wall exit
for n in "$BASE" "$N"; do
    d="${dirs[$n]}"
    topo="$(bytes_of "$d/topology.xml")"
    certs="$(bytes_of "$d/certs" "$d/ca.pem")"
    for cmd in check list; do
        if [ "$cmd" = check ]; then
            read -r rss wall status < <(measure "check-$n" "$bin" check "$d/topology.xml" \
                --certs "$d/certs" --ca "$d/ca.pem" --valid-at 2026-06-01 --format json)
            input=$((topo + certs))
        else
            read -r rss wall status < <(measure "list-$n" "$bin" list "$d/topology.xml" --format json)
            input=$topo
        fi
        eval "rss_${cmd}_$n=$rss input_${cmd}_$n=$input"
        printf '%-6s %-6s %12s %12s %12s %10s %8s %6s\n' "$n" "$cmd" "$topo" "$input" "$rss" \
            "$(awk -v r="$rss" -v i="$input" 'BEGIN {printf "%.2f", r * 1024 / i}')" "$wall" "$status"
    done
done

echo
echo "Growth over the $BASE-machine run (the fixed cost), per input byte (target <= 4):"
for cmd in check list; do
    eval "r1=\$rss_${cmd}_$BASE r2=\$rss_${cmd}_$N i1=\$input_${cmd}_$BASE i2=\$input_${cmd}_$N"
    # shellcheck disable=SC2154
    awk -v c="$cmd" -v r1="$r1" -v r2="$r2" -v i1="$i1" -v i2="$i2" 'BEGIN {
        f = (r2 - r1) * 1024 / (i2 - i1)
        printf "  %-5s (%d - %d) KiB / (%d - %d) B = %.2f x  %s\n", c, r2, r1, i2, i1, f, (f <= 4 ? "met" : "MISSED")
    }'
done
