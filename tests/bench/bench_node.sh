#!/usr/bin/env bash
# Started by peerbench as TARGET_CMD: one edgelabd node, one io thread (as
# nginx runs one worker), in front of the peerbench origin.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
config="$PB_TMP/node.json"
cat > "$config" <<JSON
{"name":"bench","listen":"127.0.0.1:$PB_TARGET_PORT","upstream":"$ORIGIN_URL","threads":${EDGELAB_THREADS:-1},
 "l1":{"max_bytes":268435456},"cache":{"max_object_bytes":4194304},"limits":{"max_connections":100000}}
JSON
exec "$ROOT/build/bin/edgelabd" node --config "$config"
