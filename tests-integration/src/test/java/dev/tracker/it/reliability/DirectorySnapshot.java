package dev.tracker.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and directory under a root, by relative path, with a digest of each file's content,
 * except under the {@code volatile} directories (the database, the runtime files, the log), whose
 * entries are recorded without content because the daemon rewrites them as it runs.
 */
record DirectorySnapshot(Map<String, String> entries) {

  static DirectorySnapshot of(Path root, Set<String> volatileDirectories) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          path -> {
            String relative = root.relativize(path).toString();
            boolean churning =
                volatileDirectories.stream()
                    .anyMatch(d -> relative.equals(d) || relative.startsWith(d + "/"));
            entries.put(
                relative, Files.isDirectory(path) ? "dir" : churning ? "file" : digest(path));
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DirectorySnapshot(entries);
  }

  /**
   * Entries whose name holds {@code marker}: anywhere under {@code home}, and directly in each of
   * {@code places} (where a traversal out of the daemon's directories or the working directory
   * would land).
   */
  static Set<Path> named(String marker, Path home, Path... places) {
    Set<Path> found = new java.util.TreeSet<>();
    try (Stream<Path> walk = Files.walk(home)) {
      walk.filter(p -> p.getFileName().toString().contains(marker)).forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path place : places) {
      try (Stream<Path> list = Files.list(place)) {
        list.filter(p -> p.getFileName().toString().contains(marker)).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static String digest(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      // A file that vanished between the listing and the read (a journal) counts as present.
      return "unreadable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
