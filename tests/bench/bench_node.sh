#!/usr/bin/env bash
# Started by peerbench as TARGET_CMD: one edgelabd node, one io thread (as
# nginx runs one worker), in front of the peerbench origin. EDGELAB_SCRIPT=FILE
# runs that edge script on every request (kept in the node's script_file, as a
# deploy would leave it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
config="$PB_TMP/node.json"
script_key=""
if [ -n "${EDGELAB_SCRIPT:-}" ]; then
  python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1].split("/")[-1], "source": open(sys.argv[1]).read(), "fail": "open"}))' \
    "$EDGELAB_SCRIPT" > "$PB_TMP/node.script.json"
  script_key="\"script_file\":\"$PB_TMP/node.script.json\","
fi
cat > "$config" <<JSON
{"name":"bench","listen":"127.0.0.1:$PB_TARGET_PORT","upstream":"$ORIGIN_URL","threads":${EDGELAB_THREADS:-1},$script_key
 "l1":{"max_bytes":268435456},"cache":{"max_object_bytes":4194304},"limits":{"max_connections":100000}}
JSON
exec "$ROOT/build/bin/edgelabd" node --config "$config"
