#!/usr/bin/env bash
# Installs what the test suite needs and is missing; safe to run any number of times.
#   Debian packages: a JDK 17, Maven, Node.js and npm (the interoperability tests run the real yjs),
#                    redis-server (the Redis store's tests start their own on a free port), chromium
#                    and firefox-esr (the web studio's end-to-end tests drive them headless);
#                    yamllint, docker-compose, haproxy and systemd's systemd-analyze, which check the
#                    deployment files in infra/ offline (scripts/check-infra.sh);
#                    timgm6mb-soundfont (the General MIDI SoundFont the studio plays and audio export renders with).
#   npm packages:    the pinned yjs reference implementation and y-websocket client (package-lock.json
#                    files), via `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
[ -f /usr/share/sounds/sf2/TimGM6mb.sf2 ] || missing+=(timgm6mb-soundfont)
# The infra checks' tools, without recommended packages: docker-compose only parses the compose file
# here and would otherwise pull in the Docker engine and iptables.
missing_bare=()
command -v yamllint >/dev/null 2>&1 || missing_bare+=(yamllint)
command -v docker-compose >/dev/null 2>&1 || missing_bare+=(docker-compose)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing_bare+=(haproxy)
command -v systemd-analyze >/dev/null 2>&1 || missing_bare+=(systemd)
if [ ${#missing[@]} -gt 0 ] || [ ${#missing_bare[@]} -gt 0 ]; then
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ${#missing_bare[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing_bare[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_bare[@]}"
fi

# The Bach chorales the co-writer's tests, training and evaluation read (not in the repository: their
# source states no licence): datasets/jsb-chorales/ links this machine's copy, unless one is there.
chorales_copy="${ENSEMBLE_CHORALES_DIR:-/work/shared/data/jsb-chorales-coconet}"
if [ ! -e datasets/jsb-chorales ] && [ -f "$chorales_copy/Jsb16thSeparated.json" ]; then
  mkdir -p datasets && ln -s "$chorales_copy" datasets/jsb-chorales
fi

# npm ci only when the lock file changed since the last install.
for dir in protocol/src/test/js server/src/test/js web; do
  stamp="$dir/node_modules/.installed-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
done
