#!/usr/bin/env bash
# Measures the daemon as it runs in production, in its own JVM, and prints each figure against its
# target and against a baseline measured in the same run:
#
#   startup  time from fork until the socket accepts and GET /v1/health answers 200, for several JVM
#            settings (default, C1 only, AppCDS, ...); baseline: a JVM that prints a line and exits
#   load     8 socket clients reading issues of a 10,000-issue store (req/s, p50/p99/p99.9), and the
#            daemon's RSS after 10,000 ... 50,000 requests; with the JVM's default settings, with
#            -Xmx128m -XX:+UseSerialGC, and with a small heap (-Xms16m -Xmx64m, SerialGC, native
#            heap trimming); baseline: GET /v1/health with the same clients
#   sync     JMH: an idle sync tick and an export of 10,000 issues (SyncBenchmarks); baselines: a
#            point read (StoreBenchmarks.baselinePointRead) and the export's bytes written + fsync'd
#
#   bench/daemon-bench.sh                  # all three parts (about 15 minutes on 2 cores)
#   bench/daemon-bench.sh startup load     # only these parts
#
# Environment (defaults in brackets): DBENCH_STARTS [10] starts per setting; DBENCH_WARMUP [5] and
# DBENCH_DURATION [10] seconds per load phase; DBENCH_ROUNDS [3] measured rounds; DBENCH_WORK [/tmp]
# where daemon homes go (keep it short: the socket path must fit in 107 bytes); DBENCH_OUT
# [bench/target/daemon] where the reports go; DBENCH_TIMEOUT [1800] seconds each part may take.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

starts="${DBENCH_STARTS:-10}"
warmup="${DBENCH_WARMUP:-5}"
duration="${DBENCH_DURATION:-10}"
rounds="${DBENCH_ROUNDS:-3}"
work="${DBENCH_WORK:-/tmp}"
out="${DBENCH_OUT:-bench/target/daemon}"
part_limit="${DBENCH_TIMEOUT:-1800}"

parts=("$@")
if [[ ${#parts[@]} -eq 0 ]]; then
  parts=(startup load sync)
fi
for part in "${parts[@]}"; do
  case "$part" in
    startup | load | sync) ;;
    *)
      echo "daemon-bench.sh: unknown part '$part' (startup, load, sync)" >&2
      exit 2
      ;;
  esac
done
for tool in java python3 timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "daemon-bench.sh: $tool is needed" >&2
    exit 1
  fi
done

# Every process this script starts is recorded here and ended by its PID on exit.
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run NAME COMMAND...: runs the command bounded by DBENCH_TIMEOUT, its output shown and kept in
# $out/NAME.txt; returns its exit status.
run() {
  local name="$1"
  shift
  local log="$out/$name.txt"
  : >"$log"
  timeout --kill-after=30 "$part_limit" "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  tail -n +1 -f --pid="$pid" "$log" &
  local tail_pid=$!
  pids+=("$tail_pid")
  local status=0
  wait "$pid" || status=$?
  wait "$tail_pid" || true
  if [[ $status -ne 0 ]]; then
    echo "daemon-bench.sh: $name failed with status $status (see $log)" >&2
  fi
  return "$status"
}

mkdir -p "$out"
{
  echo "date:         $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus:         $(nproc)"
  echo "cpu:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory:       $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java:         $(java -version 2>&1 | head -n 2 | tail -n 1)"
} | tee "$out/machine.txt"

timeout 1200 ./mvnw -B -q -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime -pl bench,dist -am

# The daemon runs on its own runtime class path, as a launcher would start it; the drivers and
# the baseline program run from the bench module.
daemon_cp="$PWD/daemon/target/tracker-daemon-0.1.0-SNAPSHOT.jar:$(cat daemon/target/classpath.txt)"
bench_cp="$PWD/bench/target/classes:$(cat bench/target/classpath.txt)"
hello_cp="$PWD/bench/target/tracker-bench-0.1.0-SNAPSHOT.jar:$daemon_cp"
# The distribution's launcher: how users start the daemon (JVM settings, class-data archive).
launcher="$PWD/dist/target/tracker/bin/tracker-daemon"
# Both the daemon jar and the bench module hold a logback.xml: name the bench one (warnings only).
driver_jvm=(-Xmx512m -Dlogback.configurationFile="$PWD/bench/target/classes/logback.xml")

failed=0
for part in "${parts[@]}"; do
  echo
  echo "== $part (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  case "$part" in
    startup)
      run startup java "${driver_jvm[@]}" -cp "$bench_cp" dev.tracker.bench.daemon.StartupDriver \
        --daemon-cp "$daemon_cp" --hello-cp "$hello_cp" --work "$work" --starts "$starts" \
        --launcher "$launcher" ||
        failed=1
      ;;
    load)
      run load java "${driver_jvm[@]}" -cp "$bench_cp" dev.tracker.bench.daemon.LoadDriver \
        --daemon-cp "$daemon_cp" --work "$work" --warmup "$warmup" --duration "$duration" \
        --rounds "$rounds" --config "default=" --config "launcher=launcher=$launcher" ||
        failed=1
      ;;
    sync)
      if run sync java -jar bench/target/benchmarks.jar SyncBenchmarks \
        'StoreBenchmarks.baselinePointRead' -rf json -rff "$out/sync.json"; then
        bench/run.sh --report "$out/sync.json" | tee "$out/sync-table.txt"
      else
        failed=1
      fi
      ;;
  esac
done

echo
echo "reports in $out/ (load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
exit "$failed"
