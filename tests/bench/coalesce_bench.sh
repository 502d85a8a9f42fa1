#!/usr/bin/env bash
# Collapsed-delivery benchmark (not part of the test pass/fail): N concurrent
# cold GETs of one key through an edgelabd node, beside nginx proxy_cache_lock
# and Varnish in the same run (../shared/peerbench/coalesce.sh). Prints, per
# target and round, the origin requests (1 = fully collapsed) and the clients'
# p50/p90/max latency against the origin's delay.
#
#   tests/bench/coalesce_bench.sh                  # N=500, 200 ms origin, 3 rounds
#   N=1000 DELAY_MS=300 ROUNDS=5 tests/bench/coalesce_bench.sh
#   EDGELAB_THREADS=2 tests/bench/coalesce_bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERBENCH=${PEERBENCH:-$ROOT/../shared/peerbench}
[ -x "$PEERBENCH/coalesce.sh" ] || { echo "coalesce_bench: $PEERBENCH/coalesce.sh not found" >&2; exit 2; }
[ -x "$ROOT/build/bin/edgelabd" ] || "$ROOT/scripts/build.sh" release

export BASE_PORT=${BASE_PORT:-18180}
export TARGET_NAME=edgelab
export TARGET_URL="http://127.0.0.1:$((BASE_PORT + 4))"
export TARGET_CMD="exec '$ROOT/tests/bench/bench_node.sh'"
export CONTROLS=${CONTROLS:-0}
exec "$PEERBENCH/coalesce.sh"
