#!/bin/sh
# The container test's CLI workload, run inside the container by ContainerWorkloadTest.
#
#   workload.sh start              start tracker-daemon in the background; prints its pid
#   workload.sh probe PID          prints "fds=N rss_kb=N" for the daemon, then its fds' targets
#   workload.sh cycles FIRST LAST [WORKERS]
#                                  runs cycles FIRST..LAST of six commands each (create, update,
#                                  comment, list, close, sync), split among WORKERS [1] concurrent
#                                  shells as users at several terminals would, and prints one
#                                  "FAIL ..." line per failed command, then
#                                  "commands=N failed=N millis=N"
#   workload.sh memory             prints the container's cgroup memory figures
set -u
TRACKER_HOME=${TRACKER_HOME:-/opt/tracker}
T="$TRACKER_HOME/bin/tracker"
export HOME=/tmp/it/home
export XDG_DATA_HOME=/tmp/it/data XDG_RUNTIME_DIR=/tmp/it/run XDG_STATE_HOME=/tmp/it/state
export XDG_CONFIG_HOME=/tmp/it/config XDG_CACHE_HOME=/tmp/it/cache
export NO_COLOR=1
PROJECT=/tmp/it/work/ctr

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# worker FIRST LAST STEP NAME: cycles FIRST, FIRST+STEP, ... up to LAST; prints a "FAIL ..." line
# per failed command, then "worker commands=N failed=N".
worker() {
  commands=0
  failed=0
  err=/tmp/it/stderr.$4
  run() {
    commands=$((commands + 1))
    out=$("$T" "$@" 2>"$err")
    rc=$?
    if [ "$rc" -ne 0 ]; then
      failed=$((failed + 1))
      echo "FAIL rc=$rc: tracker $*: $(tail -n 3 "$err" | tr '\n' ' ')"
      return 1
    fi
    return 0
  }
  i=$1
  while [ "$i" -le "$2" ]; do
    if run create "issue $i" --type bug --priority 2 -d "created by cycle $i" -q; then
      id=$(printf '%s\n' "$out" | head -n 1)
    else
      id=none
    fi
    run update "$id" --priority 1 --assignee worker --add-label "batch$((i % 7))" -q
    run comment "$id" "comment from cycle $i" -q
    run list -q
    run close "$id" -q
    run sync -q
    i=$((i + $3))
  done
  echo "worker commands=$commands failed=$failed"
}

case "${1:-}" in
start)
  mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$PROJECT"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  cd /tmp/it || exit 1
  nohup "$TRACKER_HOME/bin/tracker-daemon" run >/tmp/it/daemon.out 2>&1 </dev/null &
  pid=$!
  i=0
  while [ ! -S "$XDG_RUNTIME_DIR/tracker/daemon.sock" ]; do
    i=$((i + 1))
    if [ "$i" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "daemon did not start; its output:" >&2
      tail -n 40 /tmp/it/daemon.out >&2
      exit 1
    fi
    sleep 0.1
  done
  cd "$PROJECT" && "$T" init --no-git --key ctr -q >/dev/null || exit 1
  echo "$pid"
  ;;
probe)
  pid=$2
  kill -0 "$pid" 2>/dev/null || { echo "daemon $pid is gone" >&2; exit 1; }
  fds=$(ls "/proc/$pid/fd" | wc -l)
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  echo "fds=$fds rss_kb=$rss"
  for fd in /proc/"$pid"/fd/*; do readlink "$fd"; done
  ;;
cycles)
  first=$2
  last=$3
  workers=${4:-1}
  cd "$PROJECT" || exit 1
  started=$(now_ms)
  w=0
  while [ "$w" -lt "$workers" ]; do
    worker "$((first + w))" "$last" "$workers" "$w" >"/tmp/it/worker.$w.out" &
    w=$((w + 1))
  done
  wait
  commands=0
  failed=0
  w=0
  while [ "$w" -lt "$workers" ]; do
    grep '^FAIL' "/tmp/it/worker.$w.out"
    counts=$(sed -n 's/^worker commands=\([0-9]*\) failed=\([0-9]*\)$/\1 \2/p' "/tmp/it/worker.$w.out")
    [ -n "$counts" ] || { echo "FAIL worker $w ended without its summary"; failed=$((failed + 1)); }
    commands=$((commands + ${counts% *}))
    failed=$((failed + ${counts#* }))
    w=$((w + 1))
  done
  echo "commands=$commands failed=$failed millis=$(($(now_ms) - started))"
  ;;
memory)
  # cgroup v2, else v1: the peak, and how often the OOM killer struck in this container.
  if [ -f /sys/fs/cgroup/memory.events ]; then
    echo "oom_kill=$(awk '/^oom_kill / { print $2 }' /sys/fs/cgroup/memory.events)"
    [ -f /sys/fs/cgroup/memory.peak ] && echo "peak_bytes=$(cat /sys/fs/cgroup/memory.peak)"
    echo "limit_bytes=$(cat /sys/fs/cgroup/memory.max)"
  elif [ -f /sys/fs/cgroup/memory/memory.oom_control ]; then
    echo "oom_kill=$(awk '/^oom_kill / { print $2 }' /sys/fs/cgroup/memory/memory.oom_control)"
    echo "peak_bytes=$(cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes)"
    echo "limit_bytes=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
  fi
  echo "nofile=$(ulimit -n)"
  ;;
*)
  echo "usage: workload.sh start | probe PID | cycles FIRST LAST [WORKERS] | memory" >&2
  exit 2
  ;;
esac
