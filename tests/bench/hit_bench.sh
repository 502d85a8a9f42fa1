#!/usr/bin/env bash
# Hit-path benchmark (not part of the test pass/fail): an edgelabd node in
# front of the peerbench origin, measured with wrk beside nginx proxy_cache and
# Varnish in the same run. Prints req/s, p99 and the ratio to nginx per cell.
#
#   tests/bench/hit_bench.sh                       # 1 KiB and 256 KiB at 64 and 256 connections
#   DURATION=10s REPEAT=3 tests/bench/hit_bench.sh
#   EDGELAB_SCRIPT=resources/scripts/security_headers.lua SIZES=1k tests/bench/hit_bench.sh   # with an edge script
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERBENCH=${PEERBENCH:-$ROOT/../shared/peerbench}
[ -x "$PEERBENCH/peerbench.sh" ] || { echo "hit_bench: $PEERBENCH/peerbench.sh not found" >&2; exit 2; }
[ -x "$ROOT/build/bin/edgelabd" ] || "$ROOT/scripts/build.sh" release

export BASE_PORT=${BASE_PORT:-18080}
export TARGET_NAME=${EDGELAB_SCRIPT:+edgelab+script}
export TARGET_NAME=${TARGET_NAME:-edgelab}
[ -z "${EDGELAB_SCRIPT:-}" ] || export EDGELAB_SCRIPT=$(cd "$(dirname "$EDGELAB_SCRIPT")" && pwd)/$(basename "$EDGELAB_SCRIPT")
export TARGET_URL="http://127.0.0.1:$((BASE_PORT + 4))"
export TARGET_CMD="exec '$ROOT/tests/bench/bench_node.sh'"
export SIZES=${SIZES:-"1k 256k"}
export CONNS=${CONNS:-"64 256"}
export TARGETS=${TARGETS:-"nginx-cache varnish"}
exec "$PEERBENCH/peerbench.sh"
