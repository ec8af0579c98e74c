# Shared by bin/tracker and bin/tracker-daemon (sourced, POSIX sh). It finds java, builds the
# program's class path, and maps a class-data archive: AppCDS on JDK 13-24, the AOT cache on JDK 25
# and later. Without an archive the daemon needs about 3.5 s to be ready and the CLI twice the
# time of an empty JVM; with one, about 1.3 s and much less (docs/benchmarks.md).
#
# The archive lives in the user's cache directory, keyed by the tracker version, the java runtime
# and the size and time of every jar. The first representative run records it when its JVM exits;
# a later run validates it once, in a separate JVM, before giving it its final name, because a
# truncated archive crashes JDK 17 instead of being ignored; every run then checks its size. Other
# damage (a stale archive, a foreign file) makes the JVM ignore it. Whatever goes wrong with an
# archive, the program runs without one: the archive only ever costs or saves time.
#
# Environment: TRACKER_JAVA (the java to use), JAVA_HOME, TRACKER_JAVA_OPTS (extra JVM flags),
# TRACKER_NO_ARCHIVE=1 (never use or record an archive), XDG_CACHE_HOME.
#
# Every command pays for this script, so it forks as little as it can: two processes (readlink for
# java, one stat for every file it must check) besides java itself; the rest is shell built-ins.

launcher_fail() {
  echo "tracker: $*" >&2
  exit 1
}

# Sets JAVA_CMD to the first java on the PATH, without a subshell.
launcher_java_on_path() {
  JAVA_CMD=
  launcher_ifs=$IFS
  IFS=:
  for launcher_dir in $PATH; do
    if [ -x "${launcher_dir:-.}/java" ] && [ ! -d "${launcher_dir:-.}/java" ]; then
      JAVA_CMD=${launcher_dir:-.}/java
      break
    fi
  done
  IFS=$launcher_ifs
  [ -n "$JAVA_CMD" ] ||
    launcher_fail "no java found: install a JDK 17 or later, or set JAVA_HOME"
}

# Sets JAVA_CMD and JAVA_FEATURE (17 for "17.0.15") from the runtime's release file, so that no
# JVM has to start just to tell its version.
launcher_find_java() {
  if [ -n "${TRACKER_JAVA:-}" ]; then
    JAVA_CMD=$TRACKER_JAVA
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA_CMD=$JAVA_HOME/bin/java
  else
    launcher_java_on_path
  fi
  [ -x "$JAVA_CMD" ] || launcher_fail "java is not executable: $JAVA_CMD"
  java_real=$(readlink -f "$JAVA_CMD" 2>/dev/null || echo "$JAVA_CMD")
  java_bin=${java_real%/*}
  JAVA_RELEASE_FILE=${java_bin%/*}/release
  java_version=
  if [ -r "$JAVA_RELEASE_FILE" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=*)
          java_version=${line#JAVA_VERSION=\"}
          java_version=${java_version%\"}
          ;;
      esac
    done <"$JAVA_RELEASE_FILE"
  fi
  JAVA_FEATURE=${java_version%%[!0-9]*}
  if [ -n "$JAVA_FEATURE" ] && [ "$JAVA_FEATURE" -lt 17 ]; then
    launcher_fail "tracker needs Java 17 or later; $JAVA_CMD is Java $java_version"
  fi
}

# Sets CLASS_PATH to the program's jars, sorted, so that it is the same string at every start (an
# archive is only valid for the class path it was recorded with).
launcher_class_path() {
  CLASS_PATH=
  for jar in "$TRACKER_HOME/lib/$1"/*.jar; do
    [ -f "$jar" ] || launcher_fail "incomplete installation: no jars in $TRACKER_HOME/lib/$1"
    CLASS_PATH=$CLASS_PATH${CLASS_PATH:+:}$jar
  done
}

launcher_cache_dir() {
  if [ -n "${XDG_CACHE_HOME:-}" ]; then
    LAUNCHER_CACHE=$XDG_CACHE_HOME/tracker/jvm
  elif [ -n "${HOME:-}" ]; then
    LAUNCHER_CACHE=$HOME/.cache/tracker/jvm
  else
    LAUNCHER_CACHE=
  fi
}

# launcher_stat_files PROGRAM PREFIX: sets ARCHIVE_KEY, a checksum of the runtime's release file
# and of every jar (size and modification time, in class-path order), and ARCHIVE_SIZE, the size
# of the archive PREFIX$ARCHIVE_KEY if there is one, with one stat for all of them. The archive's
# name holds the key, so that a new JDK or new jars get an archive of their own. JVM flags are not
# part of it: a flag that makes an archive unusable (compressed oops off, say) only makes the JVM
# ignore it, as it ignores an archive whose jars changed behind the launcher's back.
launcher_stat_files() {
  ARCHIVE_KEY=17
  ARCHIVE_SIZE=
  launcher_prefix=$2
  set -- "$TRACKER_HOME/lib/$1"/*.jar
  [ -r "$JAVA_RELEASE_FILE" ] && set -- "$JAVA_RELEASE_FILE" "$@"
  launcher_keyed=$#
  launcher_stats=$(stat -L -c '%s %Y %n' "$@" "$launcher_prefix"* 2>/dev/null || true)
  launcher_ifs=$IFS
  IFS='
'
  for launcher_line in $launcher_stats; do
    launcher_size=${launcher_line%% *}
    launcher_rest=${launcher_line#* }
    if [ "$launcher_keyed" -gt 0 ]; then
      launcher_keyed=$((launcher_keyed - 1))
      ARCHIVE_KEY=$(((ARCHIVE_KEY * 31 + launcher_size * 7 + ${launcher_rest%% *}) % 2147483647))
    elif [ "${launcher_rest#* }" = "$launcher_prefix$ARCHIVE_KEY" ]; then
      ARCHIVE_SIZE=$launcher_size
    fi
  done
  IFS=$launcher_ifs
}

# True if the archive maps cleanly for this class path, checked in a JVM of its own.
launcher_archive_valid() {
  if [ "$JAVA_FEATURE" -ge 25 ]; then
    "$JAVA_CMD" -XX:AOTCache="$1" -XX:AOTMode=on -XX:ErrorFile=/dev/null -Xlog:disable \
      -cp "$CLASS_PATH" -version >/dev/null 2>&1
  else
    "$JAVA_CMD" -XX:SharedArchiveFile="$1" -Xshare:on -XX:ErrorFile=/dev/null -Xlog:disable \
      -cp "$CLASS_PATH" -version >/dev/null 2>&1
  fi
}

# The recording lock is a directory holding the recorder's pid; the launcher execs java, so that
# pid is the recording JVM's. A recording whose JVM is gone is validated and kept, or removed.
launcher_adopt_recording() {
  lock=$1.recording
  [ -d "$lock" ] || return 0
  recorder=$(cat "$lock/pid" 2>/dev/null || true)
  if [ -n "$recorder" ] && kill -0 "$recorder" 2>/dev/null; then
    return 0
  fi
  # No pid yet: another launcher made the lock an instant ago and is writing it. Only a lock that
  # has had no pid for a minute was left by a launcher that died in between.
  if [ -z "$recorder" ] && [ -z "$(find "$lock" -maxdepth 0 -mmin +1 2>/dev/null)" ]; then
    return 0
  fi
  if [ ! -f "$lock/representative" ]; then
    # The recording run did not do its real work (a lost start race, a failed command): what it
    # recorded is a fraction of what a real run loads. A later run records again.
    launcher_remove_lock "$lock" "$recorder"
    return 0
  fi
  if [ "$JAVA_FEATURE" -ge 25 ] && [ -f "$lock/config" ] && [ ! -f "$lock/archive" ]; then
    launcher_assemble_in_background "$1" "$lock"
    return 0
  fi
  if [ -f "$lock/archive" ] && launcher_archive_valid "$lock/archive"; then
    launcher_install_archive "$lock/archive" "$1" && launcher_prune_replaced "$1" || true
  fi
  launcher_remove_lock "$lock" "$recorder"
}

# Gives the archive $1 its name $2. Its size file comes first, written whole under a name of its
# own and renamed: a launcher that finds an archive without its size file, or with another size,
# removes it as damaged. Two launchers adopting the same recording at once both write the same size.
launcher_install_archive() {
  launcher_size=$(stat -c %s "$1" 2>/dev/null) && [ -n "$launcher_size" ] || return 1
  echo "$launcher_size" >"$2.size.$$" 2>/dev/null && mv -f "$2.size.$$" "$2.size" 2>/dev/null &&
    mv -f "$1" "$2" 2>/dev/null && return 0
  rm -f "$2.size.$$" 2>/dev/null
  return 1
}

# Removes the recording lock $1 judged abandoned by its pid $2. Another launcher may have removed
# it and a third made a new one under the same name since: the lock is first renamed to a name of
# this launcher's, and put back if the pid in it is not the one judged.
launcher_remove_lock() {
  mv "$1" "$1.stale.$$" 2>/dev/null || return 0
  if [ "$(cat "$1.stale.$$/pid" 2>/dev/null || true)" = "$2" ]; then
    rm -rf "$1.stale.$$" 2>/dev/null || true
  else
    mv "$1.stale.$$" "$1" 2>/dev/null || rm -rf "$1.stale.$$" 2>/dev/null || true
  fi
}

# An archive of the same program, tracker version and java feature version with another key was
# made for jars or a JDK build that this one replaced: it would never be used again, and each is
# tens of megabytes. Archives of other versions are left alone (another installation may use
# them); 'tracker doctor' reports the cache's size.
launcher_prune_replaced() {
  for launcher_old in "${1%-*}"-*; do
    case $launcher_old in
      "$1" | "$1".* | *.recording) ;;
      *) [ -f "$launcher_old" ] && rm -f "$launcher_old" "$launcher_old.size" 2>/dev/null ;;
    esac
  done
  return 0
}

# JDK 25 and later: a recorded configuration becomes an AOT cache in a JVM of its own, in the
# background, so that no command waits for it and its output reaches no one. Until it is done the
# lock names that JVM's pid and every other launcher leaves the recording alone.
launcher_assemble_in_background() {
  if ! mkdir "$2/assembling" 2>/dev/null; then
    # Claimed by a launcher whose assembly died: start over with a new recording.
    rm -rf "$2" 2>/dev/null || true
    return 0
  fi
  echo "$$" >"$2/pid"
  (
    if "$JAVA_CMD" -XX:AOTMode=create -XX:AOTConfiguration="$2/config" -XX:AOTCache="$2/archive" \
      -XX:ErrorFile=/dev/null -Xlog:disable -cp "$CLASS_PATH" >/dev/null 2>&1 &&
      launcher_archive_valid "$2/archive"; then
      launcher_install_archive "$2/archive" "$1"
    fi
    rm -rf "$2" 2>/dev/null
  ) </dev/null >/dev/null 2>&1 &
  echo "$!" >"$2/pid"
}

# An archive whose size is not the one it was adopted with (truncated, replaced) is removed, and
# recorded again by a later run. $2 is its size now.
launcher_drop_damaged() {
  [ -n "$2" ] || return 0
  adopted_size=
  [ -r "$1.size" ] && { read -r adopted_size <"$1.size" || true; }
  if [ "$2" != "$adopted_size" ]; then
    rm -f "$1" "$1.size" 2>/dev/null || true
  fi
}

# Recording opens every jar of the class path twice (the archive writer's copy and the class
# loader's): under `ulimit -n 64` the daemon's recording JVM could not even load its main class
# ("Too many open files"). Below 256 descriptors (the hard limit: the JVM raises its soft limit to
# it) nothing is recorded; an archive already there is still mapped, which opens nothing more. Only
# asked when a run would record, since reading the limit costs a subshell.
launcher_descriptors_allow_recording() {
  launcher_nofile=$(ulimit -H -n 2>/dev/null) || return 0
  case $launcher_nofile in
    '' | unlimited | *[!0-9]*) return 0 ;;
  esac
  [ "$launcher_nofile" -ge 256 ]
}

# Sets ARCHIVE_FLAG (and ARCHIVE_SHARE): use the archive if there is one, else record one if this
# run is a representative one (LAUNCHER_MAY_RECORD=1: the daemon serving, the CLI talking to it;
# not `--version`), the descriptor limit allows it, and no other JVM is recording, else nothing.
launcher_archive_flags() {
  ARCHIVE_FLAG=
  ARCHIVE_SHARE=
  RECORDING_PROPERTY=
  [ "${TRACKER_NO_ARCHIVE:-}" = 1 ] && return 0
  [ -n "$JAVA_FEATURE" ] && [ "$JAVA_FEATURE" -ge 13 ] || return 0
  launcher_cache_dir
  cache=$LAUNCHER_CACHE
  [ -n "$cache" ] || return 0
  [ -d "$cache" ] || mkdir -p "$cache" 2>/dev/null || return 0
  [ -w "$cache" ] || return 0
  launcher_stat_files "$1" "$cache/$1-$TRACKER_VERSION-java$JAVA_FEATURE-"
  archive=$cache/$1-$TRACKER_VERSION-java$JAVA_FEATURE-$ARCHIVE_KEY
  archive_size=$ARCHIVE_SIZE
  if [ -d "$archive.recording" ]; then
    launcher_adopt_recording "$archive"
    # Adoption may have just given the archive its name (rare: once per new archive).
    [ -f "$archive" ] && archive_size=$(stat -L -c %s "$archive" 2>/dev/null || true)
  fi
  launcher_drop_damaged "$archive" "$archive_size"
  if [ -f "$archive" ]; then
    if [ "$JAVA_FEATURE" -ge 25 ]; then
      ARCHIVE_FLAG=-XX:AOTCache=$archive
    else
      ARCHIVE_FLAG=-XX:SharedArchiveFile=$archive
      ARCHIVE_SHARE=-Xshare:auto
    fi
  elif [ "${LAUNCHER_MAY_RECORD:-0}" = 1 ] && launcher_descriptors_allow_recording &&
    mkdir "$archive.recording" 2>/dev/null &&
    { echo "$$" >"$archive.recording/pid"; } 2>/dev/null; then
    # (A lock removed under this launcher, by a user or a cache cleaner, means: run without it.)
    RECORDING_PROPERTY=-Dtracker.archive.recording=$archive.recording
    if [ "$JAVA_FEATURE" -ge 25 ]; then
      ARCHIVE_FLAG=-XX:AOTConfiguration=$archive.recording/config
      ARCHIVE_SHARE=-XX:AOTMode=record
    else
      ARCHIVE_FLAG=-XX:ArchiveClassesAtExit=$archive.recording/archive
    fi
  fi
}

# JVM warnings go to stderr, never to stdout where scripts read JSON (with the VM's other output,
# by -XX:+DisplayVMOutputToStderr: JDK 25 prints "AOTConfiguration recorded" that way); archive
# log messages are dropped: a stale archive is the launcher's business, not the user's.
launcher_log_selection() {
  if [ -n "$JAVA_FEATURE" ] && [ "$JAVA_FEATURE" -ge 25 ]; then
    LOG_SELECTION=-Xlog:all=warning,cds*=off,aot*=off:stderr
  else
    LOG_SELECTION=-Xlog:all=warning,cds*=off:stderr
  fi
}

# launcher_exec PROGRAM MAIN_CLASS PROGRAM_FLAGS [ARGS...]: replaces the shell with the JVM, so
# that signals and the pid belong to java itself. PROGRAM_FLAGS and TRACKER_JAVA_OPTS are word
# lists (no flag in them may hold a space); paths are passed as single words.
launcher_exec() {
  program=$1
  main_class=$2
  program_flags=$3
  shift 3
  launcher_find_java
  launcher_class_path "$program"
  TRACKER_VERSION=unknown
  [ -r "$TRACKER_HOME/lib/version" ] && { read -r TRACKER_VERSION <"$TRACKER_HOME/lib/version" || true; }
  launcher_archive_flags "$program"
  launcher_log_selection
  set -f
  # shellcheck disable=SC2086 # word lists by design, with globbing off
  exec "$JAVA_CMD" -XX:+DisplayVMOutputToStderr -Xlog:disable "$LOG_SELECTION" \
    $program_flags \
    ${TRACKER_JAVA_OPTS:-} ${ARCHIVE_FLAG:+"$ARCHIVE_FLAG"} $ARCHIVE_SHARE \
    ${RECORDING_PROPERTY:+"$RECORDING_PROPERTY"} \
    -Dtracker.home="$TRACKER_HOME" -Dtracker.version="$TRACKER_VERSION" \
    -cp "$CLASS_PATH" "$main_class" "$@"
}
