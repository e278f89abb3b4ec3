#!/bin/bash
# What one hung exercise costs: grades each hang fixture for exercise compute (11 tests: public, model check, hidden)
# with the grader's defaults, one at a time, and prints the wall time of the whole `grade` command (compiling, checks,
# test JVMs, reports), its CPU-seconds, and, from report.json, how many tests ran, failed, and ran on their short
# budget, and the seconds of budget the hung tests used (the part that does not depend on the machine's load but for
# the first one).
# CPU-seconds: user + system time of the grader and of every process it started, test JVMs killed at a hang included
# (a killed JVM in a sandbox is never waited for by the grader, so `time` would miss it): read from /proc every 0.2 s,
# each process's last reading counted, so a killed process's last 0.2 s may be missed. Unlike the wall time, they
# hardly grow with the machine's load.
# Run from the repository's root after `mvn -pl grader -am verify -DskipTests -DskipITs`; JAVA defaults to `java`;
# FIXTURES (names, space-separated) picks some of the four.
set -u
JAVA=${JAVA:-java}
FIXTURES=${FIXTURES:-compute-sleeps-forever compute-swallows-interrupts-in-a-loop compute-deadlock-in-every-call compute-deaf-loop-on-empty-input}
echo "processors $(nproc), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| fixture | wall time | CPU time | tests | not run | failed | on their short budget | budget used | load average at the end |"
echo "|---|---|---|---|---|---|---|---|---|"
for f in $FIXTURES; do
  out=$(mktemp -d)
  # The fixture holds the learner's code only: lay it into the stubs first (not timed).
  "$JAVA" -jar grader/target/grader.jar calibrate "grader/src/test/resources/submissions/hostile/$f" --exercises-dir exercises \
      --lay-in-only "$out/laid" > /dev/null
  python3 - "$f" "$out" "$JAVA" <<'PY'
import json, os, re, subprocess, sys, time
name, out, java = sys.argv[1:]
tick = os.sysconf('SC_CLK_TCK')

def stat(pid):
    with open(f'/proc/{pid}/stat') as f:
        s = f.read()
    fields = s[s.rindex(')') + 2:].split()
    return int(fields[1]), int(fields[11]) + int(fields[12]), fields[19]  # ppid, utime + stime, start time

start = time.time()
with open(f'{out}/console.txt', 'w') as console:
    p = subprocess.Popen([java, '-jar', 'grader/target/grader.jar', 'grade', f'{out}/laid/{name}',
                          '--exercise', 'compute', '--report-dir', out], stdout=console, stderr=subprocess.STDOUT)
    ticks = {}  # (pid, start time) -> last utime + stime of a process the grading started
    while p.poll() is None:
        procs = {}
        for d in os.listdir('/proc'):
            if d.isdigit():
                try:
                    procs[int(d)] = stat(d)
                except (OSError, ValueError, IndexError):
                    pass
        inside = {p.pid}
        changed = True
        while changed:
            changed = False
            for pid, (ppid, _, _) in procs.items():
                if ppid in inside and pid not in inside:
                    inside.add(pid)
                    changed = True
        for pid in inside:
            if pid in procs:
                ticks[(pid, procs[pid][2])] = procs[pid][1]
        time.sleep(0.2)
    end = time.time()
cpu = sum(ticks.values()) / tick
tests = json.load(open(f'{out}/report.json'))['exercises'][0]['tests']
msgs = [t.get('message') or '' for t in tests]
budget = sum(float(m.group(1)) for m in (re.search(r'ran past its (?:short )?budget of ([0-9.]+) s', x) for x in msgs) if m)
print(f"| {name} | {end - start:.0f} s | {cpu:.0f} s | {len(tests)} | {sum(t['status'] == 'not-run' for t in tests)} "
      f"| {sum(t['status'] == 'failed' for t in tests)} | {sum('short budget' in x for x in msgs)} | {budget:.0f} s "
      f"| {open('/proc/loadavg').read().split()[0]} |", flush=True)
PY
  rm -rf "$out"
done
