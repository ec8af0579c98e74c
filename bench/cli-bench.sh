#!/usr/bin/env bash
# Measures what a user waits for at every command: the wall time of the packaged `tracker list -n 50`
# on a project of 1,000 issues, daemon warm, against `java` running an empty main on the same JDK,
# measured side by side (alternating) in one run. Prints medians and the ratio (target: <= 3.0 on
# JDK 17; moonshot 2.0).
#
#   bench/cli-bench.sh                         # JDK 17 (java on PATH) and, if present, JDK 25
#   CLI_BENCH_JAVAS="/path/to/java ..." bench/cli-bench.sh
#   chrt -r 10 bench/cli-bench.sh              # on a machine shared with other work (root): the
#                                              # benchmark's processes get the CPU first
#
# Environment: CLI_BENCH_RUNS [30] measured runs of each; CLI_BENCH_WORK [/tmp] where the temporary
# home goes; CLI_BENCH_OUT [bench/target/cli] where the report goes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
runs="${CLI_BENCH_RUNS:-30}"
work="${CLI_BENCH_WORK:-/tmp}"
out="${CLI_BENCH_OUT:-$root/bench/target/cli}"
javas="${CLI_BENCH_JAVAS:-}"
if [[ -z "$javas" ]]; then
  javas="$(command -v java)"
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "${JAVA25_HOME:-/nonexistent}/bin/java"; do
    if [[ -x "$candidate" ]]; then
      javas="$javas $candidate"
      break
    fi
  done
fi
for tool in python3 timeout; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "cli-bench.sh: $tool is needed" >&2
    exit 1
  }
done

mkdir -p "$out"
timeout 1200 ./mvnw -B -q -DskipTests package -pl dist -am
dist="$root/dist/target/tracker"

home=$(mktemp -d "$work/trk-cli.XXXXXX")
daemon_pid=
cleanup() {
  if [[ -n "$daemon_pid" ]] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -TERM "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$home"/{run,data,state,config,cache,empty}
chmod 700 "$home/run"
export XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state"
export XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
unset TRACKER_JAVA_OPTS TRACKER_NO_ARCHIVE NO_COLOR

# One daemon (JDK on PATH) serves every CLI; started by hand so that its pid is ours to end.
"$dist/bin/tracker-daemon" run --detached >"$home/daemon.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 1 200); do
  [[ -S "$home/run/tracker/daemon.sock" ]] && break
  sleep 0.05
done

# 1,000 issues in the sync format, imported in one request.
python3 - "$home/issues.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(1000):
        f.write(json.dumps({
            "id": "bench-%05d" % i, "title": "Issue number %d of the benchmark" % i,
            "status": "open", "priority": i % 5, "type": ["task", "bug", "feature"][i % 3],
            "labels": ["area-%d" % (i % 7)],
            "createdAt": "2026-01-01T00:00:%02d.000Z" % (i % 60),
            "updatedAt": "2026-01-01T00:00:%02d.000Z" % (i % 60)}, separators=(",", ":")) + "\n")
EOF
mkdir -p "$home/project"
cd "$home/project"
"$dist/bin/tracker" init --key bench --name Benchmark --no-git -q
"$dist/bin/tracker" import "$home/issues.jsonl" -q

cat >"$home/empty/Empty.java" <<'EOF'
public class Empty {
  public static void main(String[] args) {}
}
EOF


report="$out/report.txt"
{
  echo "date:         $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus:         $(nproc)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs:         $runs of each, alternating; daemon warm; 1,000 issues; tracker list -n 50"
} | tee "$report"

for java in $javas; do
  java_home=$(dirname "$(dirname "$(readlink -f "$java")")")
  version=$("$java" -version 2>&1 | head -n 1)
  "$java_home/bin/javac" -d "$home/empty" "$home/empty/Empty.java"
  export TRACKER_JAVA="$java"
  # Warm-up: records the class-data archive, then validates and adopts it; fills the page cache.
  for _ in 1 2 3 4 5; do
    "$dist/bin/tracker" list -n 50 >/dev/null
    "$java" -cp "$home/empty" Empty
  done
  lines=$("$dist/bin/tracker" list -n 50 | wc -l)
  python3 - "$dist/bin/tracker" "$java" "$home/empty" "$runs" "$version" "$lines" <<'EOF' | tee -a "$report"
import statistics, subprocess, sys, time
tracker, java, empty, runs, version, lines = sys.argv[1:7]
runs = int(runs)
def timed(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000
listing, base = [], []
for _ in range(runs):
    listing.append(timed([tracker, "list", "-n", "50"]))
    base.append(timed([java, "-cp", empty, "Empty"]))
m_list, m_base = statistics.median(listing), statistics.median(base)
ratio = m_list / m_base
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
verdict = "met" if ratio <= 3.0 else "MISSED"
if ratio <= 2.0:
    verdict += " (moonshot met)"
print()
print(version)
print("  tracker list -n 50 (%s table lines): median %.0f ms, p90 %.0f ms" % (lines.strip(), m_list, q(listing, 0.9)))
print("  java Empty (baseline):             median %.0f ms, p90 %.0f ms" % (m_base, q(base, 0.9)))
print("  ratio %.2f (target <= 3.0, moonshot 2.0): %s" % (ratio, verdict))
EOF
done
echo
echo "report in $report (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
