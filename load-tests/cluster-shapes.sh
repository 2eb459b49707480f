#!/usr/bin/env bash
# The single-node load table's shapes against a local cluster (./ensemble cluster N, AI off): stock
# yjs + y-websocket clients, each room's clients spread over the nodes, presence on, permessage-deflate
# offered. Prints one JSON line per shape with latency and each node's CPU. With N=1 the same clients
# meet one node (in cluster mode, without relays): the baseline for the relays' cost.
#   load-tests/cluster-shapes.sh [SECONDS per shape, default 30] [N nodes, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
count="${2:-3}"
base=18181
log="$(mktemp -d)/cluster.log"
ENSEMBLE_GENERATION=off ENSEMBLE_LIMITS_MAX_CONNECTIONS_PER_USER=1000 ENSEMBLE_CLUSTER_HTTP_BASE=$base \
  ENSEMBLE_CLUSTER_REDIS_PORT=16391 ./ensemble cluster "$count" >"$log" 2>&1 &
cluster=$!
trap 'kill -TERM $cluster 2>/dev/null; wait $cluster 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ "$(grep -c '^node' "$log" || true)" = "$count" ] && break; sleep 1; done
nodes=()
for i in $(seq 0 $((count - 1))); do
  port=$((base + i))
  pid="$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
  nodes+=("http://127.0.0.1:$port:$pid")
done
cd load-tests/stock-clients
for shape in "1 50 1" "100 4 1" "20 10 3"; do
  # shellcheck disable=SC2086
  node cluster-load.mjs $shape "$seconds" "${nodes[@]}" 2>/dev/null
done
