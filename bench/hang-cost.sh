#!/bin/bash
# What one hung exercise costs: grades each hang fixture for exercise compute (11 tests: public, model check, hidden)
# with the grader's defaults, one at a time, and prints the wall time of the whole `grade` command (compiling, checks,
# test JVMs, reports) and, from report.json, how many tests ran, failed, and ran on their short budget, and the
# seconds of budget the hung tests used (the part that does not depend on the machine's load but for the first one).
# Run from the repository's root after `mvn -pl grader -am verify -DskipTests -DskipITs`; JAVA defaults to `java`.
set -u
JAVA=${JAVA:-java}
echo "processors $(nproc), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
for f in compute-sleeps-forever compute-swallows-interrupts-in-a-loop compute-deadlock-in-every-call compute-deaf-loop-on-empty-input; do
  out=$(mktemp -d)
  # The fixture holds the learner's code only: lay it into the stubs first (not timed).
  "$JAVA" -jar grader/target/grader.jar calibrate "grader/src/test/resources/submissions/hostile/$f" --exercises-dir exercises \
      --lay-in-only "$out/laid" > /dev/null
  start=$(date +%s.%N)
  "$JAVA" -jar grader/target/grader.jar grade "$out/laid/$f" --exercise compute \
      --report-dir "$out" > "$out/console.txt" 2>&1
  end=$(date +%s.%N)
  python3 - "$f" "$start" "$end" "$out/report.json" <<'PY'
import json, re, sys
name, start, end, path = sys.argv[1:]
tests = json.load(open(path))['exercises'][0]['tests']
msgs = [t.get('message') or '' for t in tests]
budget = sum(float(m.group(1)) for m in (re.search(r'ran past its (?:short )?budget of ([0-9.]+) s', x) for x in msgs) if m)
print(f"| {name} | {float(end) - float(start):.0f} s | {len(tests)} | {sum(t['status'] == 'not-run' for t in tests)} "
      f"| {sum(t['status'] == 'failed' for t in tests)} | {sum('short budget' in x for x in msgs)} | {budget:.0f} s "
      f"| {open('/proc/loadavg').read().split()[0]} |")
PY
  rm -rf "$out"
done
