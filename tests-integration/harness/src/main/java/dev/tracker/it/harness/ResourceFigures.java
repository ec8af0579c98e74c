package dev.tracker.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The two figures CI checks for the integration JVM: its peak resident set size (the kernel's
 * {@code VmHWM}, a high-water mark, so no peak is ever missed) and the highest number of open file
 * descriptors seen. {@link LeakExtension} samples both at every snapshot, and a sampler thread
 * (started once, before the first snapshot, so it is never blamed as a leak) samples the descriptor
 * count ten times a second in between, so that a peak inside a test is seen too.
 *
 * <p>After every test the figures are written to {@code target/leak-figures.properties} (path
 * overridable with the system property {@code tracker.it.figures}), which {@code .ci/run} prints
 * and checks against its limits.
 */
public final class ResourceFigures {
  static final String FILE_PROPERTY = "tracker.it.figures";
  private static final long SAMPLE_MILLIS = 100;

  private static long peakRssKb;
  private static int maxFds;
  private static String maxFdsSeenIn = "(before the first test)";
  private static String peakRssSeenIn = "(before the first test)";
  private static long samples;
  private static int testsChecked;
  private static volatile String currentTest = "(before the first test)";
  private static boolean samplerStarted;

  private ResourceFigures() {}

  /** Starts the background descriptor sampler, once per JVM. */
  static synchronized void startSampler() {
    if (samplerStarted) {
      return;
    }
    samplerStarted = true;
    Thread sampler =
        new Thread(
            () -> {
              while (true) {
                sample();
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "it-resource-figures");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Names the test that is running, for {@code max.fds.test} and {@code peak.rss.test}. */
  public static void testStarted(String name) {
    currentTest = name;
  }

  /** Reads VmHWM and counts the descriptors now; keeps the maxima. */
  static void sample() {
    long hwm = highWaterMarkKb();
    int fds = descriptorCount();
    synchronized (ResourceFigures.class) {
      samples++;
      if (hwm > peakRssKb) {
        peakRssKb = hwm;
        peakRssSeenIn = currentTest;
      }
      if (fds > maxFds) {
        maxFds = fds;
        maxFdsSeenIn = currentTest;
      }
    }
  }

  /** Called after each checked test: samples once more and rewrites the figures file. */
  static void testFinished() {
    sample();
    String text;
    synchronized (ResourceFigures.class) {
      testsChecked++;
      text =
          "# Written by the integration tests' LeakExtension after every test.\n"
              + "peak.rss.kb="
              + peakRssKb
              + "\npeak.rss.mb="
              + (peakRssKb + 1023) / 1024
              + "\npeak.rss.test="
              + peakRssSeenIn
              + "\nmax.fds="
              + maxFds
              + "\nmax.fds.test="
              + maxFdsSeenIn
              + "\nsamples="
              + samples
              + "\ntests="
              + testsChecked
              + "\n";
    }
    write(text);
  }

  public static synchronized long peakRssKb() {
    return peakRssKb;
  }

  public static synchronized int maxFds() {
    return maxFds;
  }

  static Path file() {
    String explicit = System.getProperty(FILE_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    // Surefire sets basedir to the module directory; the working directory is the same by default.
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(basedir, "target", "leak-figures.properties");
  }

  private static void write(String text) {
    Path file = file();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The process's peak resident set size in KiB, from {@code /proc/self/status}; 0 if unknown. */
  public static long highWaterMarkKb() {
    return statusKb("VmHWM:");
  }

  /** The process's resident set size now, in KiB; 0 if unknown. */
  public static long residentKb() {
    return statusKb("VmRSS:");
  }

  private static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException unreadable) {
      // Not Linux, or a kernel without the field: the figure stays 0 and CI says so.
    }
    return 0;
  }

  /**
   * Every open descriptor of this process, jars and the JVM's own included (the listing's own
   * descriptor is not counted): the number the {@code ulimit -n} applies to.
   */
  public static int descriptorCount() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count() - 1;
    } catch (IOException | UncheckedIOException unreadable) {
      return 0;
    }
  }
}
