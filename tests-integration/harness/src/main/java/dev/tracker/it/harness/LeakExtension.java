package dev.tracker.it.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves anything behind. Before the test it records live threads, the targets of
 * open file descriptors and the Hikari, Jetty and Hibernate MBeans; after the daemon is closed it
 * waits up to five seconds for all of them to be back, then names each thread (with its stack),
 * descriptor, MBean and runtime file that is not.
 *
 * <p>It also keeps the figures CI checks ({@link ResourceFigures}): the JVM's peak RSS and the
 * highest descriptor count seen, written to {@code target/leak-figures.properties} after every
 * test.
 *
 * <p>Every test class in this module runs under this extension (directly, through {@link
 * DaemonTest}, or through another annotation that carries it), unless it says in a {@link
 * NoLeakCheck} why it cannot; {@code LeakCoverageTest} enforces that.
 */
public final class LeakExtension implements BeforeEachCallback, AfterEachCallback {
  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakExtension.class);
  static final String RUNTIME_DIR = "runtimeDir";
  private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** JVM threads that come and go on their own; nothing else is forgiven. */
  private static final List<String> JVM_THREADS =
      List.of(
          "C1 CompilerThread",
          "C2 CompilerThread",
          "Sweeper thread",
          "Attach Listener",
          "process reaper",
          "Common-Cleaner",
          "Notification Thread",
          "Signal Dispatcher",
          "Finalizer",
          "Reference Handler",
          "JFR ",
          // JUnit's own, started by the first @Timeout and kept for the JVM's life.
          "junit-jupiter-timeout-watcher",
          "ForkJoinPool.commonPool-worker-");

  private record Snapshot(Map<Long, String> threads, Set<String> files, Set<ObjectName> mbeans) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    JvmWarmUp.once();
    ResourceFigures.testStarted(
        context.getRequiredTestClass().getSimpleName() + "#" + context.getDisplayName());
    context.getStore(NAMESPACE).put(Snapshot.class, take());
  }

  /**
   * Creates, before the first snapshot, what the JVM itself keeps for its whole life once a feature
   * is first used, so that it is not blamed on the first test that happens to use it. The NIO
   * socket dispatcher keeps one end of a socketpair open forever (its "pre-close" descriptor).
   */
  private static final class JvmWarmUp {
    private static boolean done;

    static synchronized void once() {
      if (done) {
        return;
      }
      try (java.nio.channels.SocketChannel channel =
              java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
          java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
        channel.configureBlocking(false);
        ResourceFigures.startSampler();
        done = true;
      } catch (IOException e) {
        throw new IllegalStateException("cannot warm up NIO", e);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Snapshot before = context.getStore(NAMESPACE).get(Snapshot.class, Snapshot.class);
    Path runtimeDir = context.getStore(NAMESPACE).get(RUNTIME_DIR, Path.class);
    try {
      long deadline = System.nanoTime() + LINGER_NANOS;
      List<String> leaks = leaks(before, runtimeDir);
      while (!leaks.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
        leaks = leaks(before, runtimeDir);
      }
      if (!leaks.isEmpty()) {
        throw new AssertionError(
            "the test left "
                + leaks.size()
                + " resource(s) behind after the daemon closed:\n"
                + String.join("\n", leaks));
      }
    } finally {
      ResourceFigures.testFinished();
    }
  }

  private static List<String> leaks(Snapshot before, Path runtimeDir) throws IOException {
    Snapshot now = take();
    List<String> leaks = new ArrayList<>();
    Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
    for (Map.Entry<Thread, StackTraceElement[]> entry : stacks.entrySet()) {
      Thread thread = entry.getKey();
      if (thread.isAlive()
          && !before.threads().containsKey(thread.getId())
          && !isJvmThread(thread.getName())) {
        leaks.add(
            "thread '"
                + thread.getName()
                + "' ("
                + thread.getState()
                + ")"
                + stack(entry.getValue()));
      }
    }
    for (String file : now.files()) {
      if (!before.files().contains(file)) {
        leaks.add("open file descriptor -> " + file + describeSocket(file));
      }
    }
    for (ObjectName mbean : now.mbeans()) {
      if (!before.mbeans().contains(mbean)) {
        leaks.add("MBean " + mbean);
      }
    }
    if (runtimeDir != null && Files.isDirectory(runtimeDir)) {
      try (Stream<Path> files = Files.list(runtimeDir)) {
        // The lock file stays by design: deleting it would let two daemons lock different files.
        files
            .filter(f -> !f.getFileName().toString().equals("daemon.lock"))
            .forEach(f -> leaks.add("runtime file " + f));
      }
    }
    return leaks;
  }

  private static Snapshot take() {
    ResourceFigures.sample();
    Map<Long, String> threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .collect(Collectors.toMap(Thread::getId, Thread::getName, (a, b) -> a));
    return new Snapshot(threads, openFiles(), mbeans());
  }

  private static boolean isJvmThread(String name) {
    return JVM_THREADS.stream().anyMatch(name::startsWith);
  }

  /**
   * Targets of open descriptors. Jars (opened once by class loading and cached for the JVM's life,
   * even when a build replaces the file meanwhile) and the random devices (held open by
   * SecureRandom for the JVM's life) are not the test's.
   */
  public static Set<String> openFiles() {
    Set<String> targets = new TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              targets.add(Files.readSymbolicLink(fd).toString());
            } catch (IOException closedWhileListing) {
              // The listing's own descriptor is already gone when it is read.
            }
          });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/self/fd", e);
    }
    targets.removeIf(
        t ->
            t.startsWith("/proc/")
                || t.endsWith(".jar")
                // A jar replaced on disk while the JVM holds it (a build installing a new one).
                || t.endsWith(".jar (deleted)")
                || t.equals("/dev/urandom")
                || t.equals("/dev/random"));
    return targets;
  }

  private static Set<ObjectName> mbeans() {
    Set<ObjectName> names = new TreeSet<>();
    try {
      for (String pattern :
          List.of("com.zaxxer.hikari*:*", "org.eclipse.jetty*:*", "org.hibernate*:*")) {
        names.addAll(
            ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(pattern), null));
      }
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  /** For {@code socket:[inode]}, what the kernel says about it: a Unix socket's path and state. */
  private static String describeSocket(String target) {
    if (!target.startsWith("socket:[")) {
      return "";
    }
    String inode = target.substring("socket:[".length(), target.length() - 1);
    for (String table : List.of("/proc/net/unix", "/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          List<String> columns = List.of(line.trim().split("\\s+"));
          if (columns.contains(inode)) {
            return " (" + table + ": " + line.trim() + ")";
          }
        }
      } catch (IOException unreadable) {
        // Not every system has every table; the inode alone still names the socket.
      }
    }
    return " (no longer listed by the kernel)";
  }

  private static String stack(StackTraceElement[] frames) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(frames.length, 12); i++) {
      out.append("\n      at ").append(frames[i]);
    }
    return out.toString();
  }
}
