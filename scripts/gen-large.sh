#!/usr/bin/env bash
# gen-large.sh - write the synthetic bench inputs into <target>/bench-data/n<N>/
#
#   scripts/gen-large.sh              # N = 200, 2000 and 20000
#   scripts/gen-large.sh 20000 50000  # any sizes
#
# Each set holds topology.xml (published schema, exactly N <Machine> elements),
# ca.pem (the one test CA) and certs/<fqdn>.pem (one real RSA-2048 certificate per
# Persistent Chat file-transfer server). Sets are cached: a complete set is reused,
# so re-running is instant. The generator is Rust (benches/common/mod.rs, run
# through the `gen` bench target, so no extra binary ships); it needs the openssl
# CLI once, to make the two RSA keys. Generated data is never committed (target/).
#
# Prints one line per set: n=N<TAB>bytes=B<TAB>certificates=C<TAB>DIR
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null 2>&1 || { echo "gen-large.sh: needs the openssl CLI" >&2; exit 1; }
[ $# -gt 0 ] || set -- 200 2000 20000
exec cargo bench --quiet --bench gen -- "$@"
