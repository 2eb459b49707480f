#!/usr/bin/env bash
# The web studio's tests: type check and build (web/dist), Vitest unit tests, then the end-to-end tests
# in Debian's chromium against the real server jar (built by `mvn verify`, or here when missing).
# Screenshots land in web/test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
# The version the jars carry, read from the parent pom as the launcher does.
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' ../pom.xml | head -1)"
jar=../server/target/ensemble-server-$version.jar
if [ ! -f "$jar" ]; then
  (cd .. && mvn -q -B -Dstyle.color=never -pl server -am -DskipTests package)
fi
npm run --silent build
npx vitest run
node --test --test-concurrency=1 --test-reporter=spec e2e/*.test.mjs
