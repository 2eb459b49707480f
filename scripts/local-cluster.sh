#!/usr/bin/env bash
# A local cluster for trying cluster mode on one machine (./ensemble cluster [N]): a Redis with its
# append-only file on (fsync every second) and N Ensemble nodes on loopback, each with its own HTTP,
# Hazelcast and event-bus port, all sharing one signing secret so a token from one node works on all.
# Data: data/cluster/. Ctrl-C stops everything. Ports start at ENSEMBLE_CLUSTER_HTTP_BASE (8081).
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$1"; shift
nodes="${1:-3}"
case "$nodes" in ''|*[!0-9]*) echo "usage: ./ensemble cluster [N]   (N nodes, 1 to 9)" >&2; exit 2 ;; esac
[ "$nodes" -ge 1 ] && [ "$nodes" -le 9 ] || { echo "usage: ./ensemble cluster [N]   (N nodes, 1 to 9)" >&2; exit 2; }
http_base="${ENSEMBLE_CLUSTER_HTTP_BASE:-8081}"
redis_port="${ENSEMBLE_CLUSTER_REDIS_PORT:-6390}"
command -v redis-server >/dev/null 2>&1 || scripts/install-test-deps.sh >&2

dir=data/cluster
mkdir -p "$dir/redis"
[ -s "$dir/jwt-secret" ] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$dir/jwt-secret"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "stopping..." >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$PWD/$dir/redis" --appendonly yes \
  --appendfsync everysec --save "" --logfile "$PWD/$dir/redis.log" &
pids+=($!)
for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

members=""
for i in $(seq "$nodes"); do members="$members${members:+,}127.0.0.1:$((5700 + i))"; done
web_root="${ENSEMBLE_WEB_ROOT:-$PWD/web/dist}"
for i in $(seq "$nodes"); do
  ENSEMBLE_PORT=$((http_base + i - 1)) ENSEMBLE_STORE=redis ENSEMBLE_REDIS_URI="redis://127.0.0.1:$redis_port" \
  ENSEMBLE_JWT_SECRET="$(cat "$dir/jwt-secret")" ENSEMBLE_DATA_DIR="$dir/node$i" ENSEMBLE_WEB_ROOT="$web_root" \
  ENSEMBLE_GENERATION="${ENSEMBLE_GENERATION:-lazy}" \
  ENSEMBLE_CLUSTER_ENABLED=true ENSEMBLE_CLUSTER_NODE_NAME="node$i" ENSEMBLE_CLUSTER_HOST=127.0.0.1 \
  ENSEMBLE_CLUSTER_PORT=$((5700 + i)) ENSEMBLE_CLUSTER_EVENT_BUS_PORT=$((5800 + i)) ENSEMBLE_CLUSTER_MEMBERS="$members" \
    java @server/jvm.options -jar "$jar" >"$dir/node$i.log" 2>&1 &
  pids+=($!)
done

for i in $(seq "$nodes"); do
  url="http://localhost:$((http_base + i - 1))"
  for _ in $(seq 600); do curl -fs "$url/health" >/dev/null 2>&1 && break; sleep 0.2; done
  if curl -fs "$url/health" >/dev/null 2>&1; then
    echo "node$i  $url   (log: $dir/node$i.log)"
  else
    echo "node$i did not start; see $dir/node$i.log" >&2
  fi
done
echo "Redis  redis://127.0.0.1:$redis_port   (append-only file in $dir/redis)"
echo "Open any node's URL; two browsers on two nodes co-write one project. Ctrl-C stops the cluster."
wait
