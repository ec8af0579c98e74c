package dev.tracker.cli.service;

import java.nio.file.Path;

/** A file the service manager reads: written with mode 0644 (it holds no secret). */
public record ServiceFile(Path path, String content) {
  public static final String MODE = "rw-r--r--";
}
