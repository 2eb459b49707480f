#!/usr/bin/env bash
# Checks the deployment files in infra/ offline, with the tools that read them (installed by
# scripts/install-test-deps.sh); `./ensemble test` runs it. Hazelcast's own loader and the
# Kubernetes manifests are checked by JUnit tests in server/ (org.ensemble.server.infra).
#   yamllint         every YAML file, strict (warnings fail too), with infra/.yamllint
#   docker-compose   `config -q`: the compose file against the Compose schema, no Docker engine needed
#   haproxy -c       the load balancer's configuration (the nodes' names resolve only inside compose,
#                    so "could not resolve address" is the one warning let through)
#   systemd-analyze  `verify` on copies of the units in a temporary directory (verify also loads the
#                    units they name from the directory of the files it is given); any message fails,
#                    since verify exits 0 on unknown keys and bad values. ExecStart's binaries
#                    (/usr/bin/java, /usr/bin/redis-server) must exist: where one is elsewhere on this
#                    machine, the copy points at it, and the check says so.
#   redis-server     starts once with infra/redis/redis.conf on a Unix socket (no TCP port) in a
#                    temporary directory, which Redis refuses for any bad line; then the durability
#                    settings are read back from it.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d -t ensemble-infra-check.XXXXXX)"
redis_pid=
cleanup() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "infra check failed: $*" >&2; exit 1; }

echo "infra: yamllint"
yamllint -c infra/.yamllint -s infra

echo "infra: docker-compose config"
# The compose file refuses to run without the token secret; any value does for parsing it.
ENSEMBLE_JWT_SECRET=check-only-not-a-secret-0123456789abcdef docker-compose -f infra/compose/docker-compose.yml config -q

echo "infra: haproxy -c"
haproxy_bin="$(command -v haproxy || echo /usr/sbin/haproxy)"
if ! out="$("$haproxy_bin" -c -f infra/compose/haproxy.cfg 2>&1)"; then
  fail "haproxy -c refused infra/compose/haproxy.cfg:"$'\n'"$out"
fi
if warnings="$(grep -F '[WARNING]' <<<"$out" | grep -v 'could not resolve address')"; then
  fail "haproxy warns about infra/compose/haproxy.cfg:"$'\n'"$warnings"
fi

echo "infra: systemd-analyze verify"
mkdir "$work/units"
for unit in infra/systemd/*.service; do
  copy="$work/units/$(basename "$unit")"
  cp "$unit" "$copy"
  exe="$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$unit")"
  if [ ! -x "$exe" ]; then
    found="$(command -v "$(basename "$exe")" || true)"
    [ -n "$found" ] || fail "$unit runs $exe, which is not on this machine (install it to check the unit)"
    echo "  $unit: $exe is $found on this machine; the copy checked runs that"
    sed -i "s|^ExecStart=$exe|ExecStart=$found|" "$copy"
  fi
done
if ! out="$(cd "$work/units" && systemd-analyze verify ./*.service 2>&1)" || [ -n "$out" ]; then
  fail "systemd-analyze verify on infra/systemd:"$'\n'"$out"
fi

echo "infra: redis-server with infra/redis/redis.conf"
socket="$work/redis.sock"
conf="$PWD/infra/redis/redis.conf"
(cd "$work" && exec redis-server "$conf" --port 0 --unixsocket "$socket" \
  --supervised no >"$work/redis.log" 2>&1) &
redis_pid=$!
for _ in $(seq 1 100); do
  redis-cli -s "$socket" ping >/dev/null 2>&1 && break
  kill -0 "$redis_pid" 2>/dev/null || fail "redis-server refused infra/redis/redis.conf:"$'\n'"$(cat "$work/redis.log")"
  sleep 0.1
done
redis-cli -s "$socket" ping >/dev/null 2>&1 || fail "redis-server did not answer within 10 s:"$'\n'"$(cat "$work/redis.log")"
setting() { redis-cli -s "$socket" config get "$1" | sed -n 2p; }
[ "$(setting appendonly)" = yes ] || fail "infra/redis/redis.conf: appendonly is not yes"
[ "$(setting appendfsync)" = everysec ] || fail "infra/redis/redis.conf: appendfsync is not everysec (README and the file say everysec)"
[ "$(setting maxmemory-policy)" = noeviction ] || fail "infra/redis/redis.conf: maxmemory-policy is not noeviction"
redis-cli -s "$socket" shutdown nosave >/dev/null 2>&1 || true
wait "$redis_pid" 2>/dev/null || true
redis_pid=

echo "infra: all checks passed"
