#!/usr/bin/env bash
# CRDT benchmarks B1, B2 and B4 of dmonad/crdt-benchmarks, on the real yjs (Node) and on Ensemble's
# Java port, in the same run on the same machine, printed as one markdown table.
#
#   scripts/crdt-bench.sh [--tasks B1,B2.4,B4] [--repeat N] [--trace FILE] [--out DIR] [--profile]
#
#   --tasks    comma-separated task ids (B1.1 ... B1.11, B2.1 ... B2.4, B4) or groups (B1, B2); default all
#   --repeat   repetitions of each task per process, the table shows the median (default 5)
#   --trace    the B4 editing trace (default ../shared/data/editing-trace/automerge-paper.json.gz,
#              relative to the repository root)
#   --out      where the raw results go (default protocol/target/crdt-bench)
#   --profile  also record each Java run with JFR (1 ms sampling) and print the 15 hottest frames of
#              its timed phase (samples under TaskRun.runB1/runB2/runB4)
#
# Method: every task runs in a fresh process on each side (a JVM, a Node process), yjs first and
# then Java, one task after the other; inside, the whole task (edit, encode, load, memory) runs
# --repeat times and the table reports medians, with the cold first repetition beside them.
# Timed phases start after a full GC. Not part of `mvn test`: the Java side is a main class.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TASKS=(B1.1 B1.2 B1.3 B1.4 B1.5 B1.6 B1.7 B1.8 B1.9 B1.10 B1.11 B2.1 B2.2 B2.3 B2.4 B4)
JAVA_OPTS=(-Xms1g -Xmx4g -XX:+UseG1GC)
NODE_OPTS=(--expose-gc --max-old-space-size=4096)
JS=protocol/src/test/js

tasks_arg=all
repeat=5
trace=../shared/data/editing-trace/automerge-paper.json.gz
out=protocol/target/crdt-bench
profile=0

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) tasks_arg="${2:?--tasks needs a value}"; shift 2 ;;
    --repeat) repeat="${2:?--repeat needs a value}"; shift 2 ;;
    --trace) trace="${2:?--trace needs a value}"; shift 2 ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    --profile) profile=1; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat must be a positive integer" >&2; exit 2; }

# Expand --tasks: an exact id, or a group such as B1 (every B1.x), in the canonical order.
selected=()
if [ "$tasks_arg" = all ]; then
  selected=("${ALL_TASKS[@]}")
else
  IFS=, read -r -a wanted <<< "$tasks_arg"
  for w in "${wanted[@]}"; do
    found=0
    for t in "${ALL_TASKS[@]}"; do
      if [ "$t" = "$w" ] || [[ "$t" == "$w".* ]]; then found=1; fi
    done
    [ "$found" = 1 ] || { echo "unknown task: $w (known: ${ALL_TASKS[*]})" >&2; exit 2; }
  done
  for t in "${ALL_TASKS[@]}"; do
    for w in "${wanted[@]}"; do
      if [ "$t" = "$w" ] || [[ "$t" == "$w".* ]]; then selected+=("$t"); break; fi
    done
  done
fi

if printf '%s\n' "${selected[@]}" | grep -qx B4; then
  [ -f "$trace" ] || { echo "B4 needs the editing trace, not found: $trace (use --trace FILE)" >&2; exit 2; }
  trace="$(cd "$(dirname "$trace")" && pwd)/$(basename "$trace")"
fi

echo "[crdt-bench] building (test-compile) and installing the pinned yjs if needed" >&2
scripts/install-test-deps.sh >&2
mvn -q -B -Dstyle.color=never -pl protocol test-compile >&2
cp=protocol/target/classes:protocol/target/test-classes

mkdir -p "$out"
rm -f "$out/yjs.jsonl" "$out/ours.jsonl" "$out/java.stdout" "$out/load.txt" "$out"/*.jfr "$out"/*.profile.json "$out"/*.profile.md
for t in "${selected[@]}"; do
  echo "$t $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)" >> "$out/load.txt"
  echo "[crdt-bench] $t: yjs" >&2
  node "${NODE_OPTS[@]}" "$JS/crdt-bench.mjs" --task "$t" --repeat "$repeat" --trace "$trace" >> "$out/yjs.jsonl"
  echo "[crdt-bench] $t: ours" >&2
  jfr=()
  if [ "$profile" = 1 ]; then
    jfr=("-XX:StartFlightRecording=filename=$out/$t.jfr,settings=profile,jdk.ExecutionSample#period=1ms")
  fi
  java "${JAVA_OPTS[@]}" "${jfr[@]}" -cp "$cp" org.ensemble.protocol.bench.CrdtBenchmark \
    --task "$t" --repeat "$repeat" --trace "$trace" > "$out/java.stdout"
  # The result is the JSON line; JFR writes its start-up notice to stdout too.
  grep -v '^{' "$out/java.stdout" >&2 || true
  grep '^{' "$out/java.stdout" >> "$out/ours.jsonl"
done

note=()
if [ "$profile" = 1 ]; then
  note=(--note "Java ran under JFR (--profile, 1 ms sampling): its times include the profiler's overhead.")
fi
node "$JS/crdt-bench-report.mjs" table --yjs "$out/yjs.jsonl" --ours "$out/ours.jsonl" --load "$out/load.txt" \
  "${note[@]}" | tee "$out/table.md"

if [ "$profile" = 1 ]; then
  for t in "${selected[@]}"; do
    jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$out/$t.jfr" > "$out/$t.profile.json"
    { echo; echo "### Java profile of $t (JFR execution samples in the timed phase, all repetitions)"; echo
      node "$JS/crdt-bench-report.mjs" profile "$out/$t.profile.json" --top 15; } | tee "$out/$t.profile.md"
  done
fi
