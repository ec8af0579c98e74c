#!/usr/bin/env bash
# Builds the JMH jar, runs the store benchmarks and prints each median against its target.
#
#   bench/run.sh                     # the whole suite (4-5 minutes on 2 cores, build included)
#   bench/run.sh ready search        # only benchmarks matching these patterns
#   bench/run.sh SyncBenchmarks StoreBenchmarks.baselinePointRead   # the sync loop's costs
#   bench/run.sh -f 3                # any other JMH option is passed through
#   bench/run.sh --report FILE       # print the table for an earlier JSON result only
#
# Environment: BENCH_RESULT (JSON result file, default bench/target/results.json),
# BENCH_TIMEOUT (seconds the JMH run may take, default 1800), BENCH_STRICT=1 (exit 3 when a
# median misses its target).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

result="${BENCH_RESULT:-bench/target/results.json}"
run_limit="${BENCH_TIMEOUT:-1800}"

if ! command -v python3 >/dev/null 2>&1; then
  echo "run.sh: python3 is needed to read the JMH results" >&2
  exit 1
fi

if [[ "${1:-}" == "--report" ]]; then
  result="${2:?usage: bench/run.sh --report FILE}"
else
  if ! command -v java >/dev/null 2>&1; then
    echo "run.sh: java is not on the PATH" >&2
    exit 1
  fi
  timeout 1200 ./mvnw -B -q -Pbench -DskipTests package -pl bench -am
  mkdir -p "$(dirname "$result")"
  rm -f "$result"
  timeout --kill-after=30 "$run_limit" \
    java -jar bench/target/benchmarks.jar -rf json -rff "$result" "$@"
  if [[ ! -s "$result" ]]; then
    echo "run.sh: no results in $result (nothing was measured)" >&2
    exit 0
  fi
fi

python3 - "$result" "${BENCH_STRICT:-0}" <<'PY'
import json
import sys

path, strict = sys.argv[1], sys.argv[2] == "1"
# Targets for the median, in milliseconds; the baseline has none.
targets = {
    "ready": 30.0,
    "search": 15.0,
    "create": 3.0,
    "listFiltered50": 10.0,
    "cycleCheck5000": 70.0,
    # SyncBenchmarks (run with StoreBenchmarks.baselinePointRead for the baseline column).
    "idleTick": 1.0,
    "export10k": 300.0,
}
to_ms = {"s/op": 1e3, "ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6}

with open(path, encoding="utf-8") as f:
    runs = json.load(f)

rows = []
for run in runs:
    name = run["benchmark"].rsplit(".", 1)[-1]
    metric = run["primaryMetric"]
    percentiles = metric.get("scorePercentiles", {})
    if "50.0" not in percentiles:
        print(f"{name}: no median (mode {run.get('mode')}); run it in sample-time mode", file=sys.stderr)
        continue
    scale = to_ms.get(metric["scoreUnit"])
    if scale is None:
        print(f"{name}: unit {metric['scoreUnit']} is not a time per operation", file=sys.stderr)
        continue
    p90 = percentiles.get("90.0")
    rows.append((name, percentiles["50.0"] * scale, None if p90 is None else p90 * scale))

baseline = next((p50 for name, p50, _ in rows if name == "baselinePointRead"), None)

def fmt(value, digits=3):
    return "-" if value is None else f"{value:.{digits}f}"

header = ("benchmark", "median ms", "p90 ms", "target ms", "median/target", "median/baseline", "")
table = []
missed = []
for name, p50, p90 in rows:
    target = targets.get(name)
    ratio = None if target is None else p50 / target
    vs_base = None if baseline in (None, 0) else p50 / baseline
    verdict = "" if ratio is None else ("ok" if ratio <= 1.0 else "MISSED")
    if verdict == "MISSED":
        missed.append(name)
    table.append((name, fmt(p50), fmt(p90), fmt(target, 1), fmt(ratio, 2),
                  "-" if vs_base is None else f"{vs_base:,.0f}x", verdict))

widths = [max(len(str(r[i])) for r in [header] + table) for i in range(len(header))]
def line(cells):
    return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
print()
print(line(header))
print(line(["-" * w for w in widths]))
for row in table:
    print(line(row))
print()
if baseline is None:
    print("No baseline in this run: median/baseline needs baselinePointRead.")
floor = next((p50 for name, p50, _ in rows if name == "baselineDurableCommit"), None)
create = next((p50 for name, p50, _ in rows if name == "create"), None)
if floor and create:
    print(f"create / durable-commit floor: {create / floor:.2f}x "
          f"(floor {floor:.3f} ms: one fsync'd commit on this disk; the rest is the store's own work)")
write_floor = next((p50 for name, p50, _ in rows if name == "baselineWrite10k"), None)
export = next((p50 for name, p50, _ in rows if name == "export10k"), None)
if write_floor and export:
    print(f"export10k / write floor: {export / write_floor:.2f}x "
          f"(floor {write_floor:.3f} ms: the same bytes written and fsync'd once on this disk)")
if missed:
    print("Missed targets: " + ", ".join(missed))
    if strict:
        sys.exit(3)
PY
