package dev.tracker.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher records a class-data archive in the JVM's first run, but only a run that did its
 * real work is worth keeping: a daemon that lost the start race, or a command that failed, loads a
 * fraction of the classes, and its archive would then be kept until the jars change. Such a run
 * leaves no mark, and the launcher discards what it recorded.
 */
public final class ArchiveRecording {
  /** Set by the launcher to the recording's directory, only in a recording run. */
  public static final String PROPERTY = "tracker.archive.recording";

  static final String MARK = "representative";

  private ArchiveRecording() {}

  /** Marks this run's recording as worth keeping; does nothing when nothing is recorded. */
  public static void markRepresentative() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Files.write(Path.of(dir, MARK), new byte[0]);
    } catch (IOException | RuntimeException e) {
      // The archive is an optimisation: without the mark it is only recorded again later.
    }
  }
}
