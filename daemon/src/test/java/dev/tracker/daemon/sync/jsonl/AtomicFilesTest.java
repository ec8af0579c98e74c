package dev.tracker.daemon.sync.jsonl;

import static dev.tracker.daemon.sync.jsonl.Lines.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.daemon.lifecycle.NamedThreadFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("issues.jsonl");
    Files.write(target, bytes("old content that is longer than the new\n"));

    AtomicFiles.write(target, bytes("new\n"));

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes("new\n"));
    assertThat(names(dir)).containsExactly("issues.jsonl");
  }

  @Test
  void leftoversOfAKilledWriteAreRemovedOnlyWhenOldAndOnlyTheirs() throws IOException {
    Path target = dir.resolve("issues.jsonl");
    Files.writeString(target, "kept\n");
    Path old = Files.writeString(dir.resolve(".issues.jsonl.k3j2.tmp"), "half a write");
    Files.setLastModifiedTime(
        old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    Path fresh = Files.writeString(dir.resolve(".issues.jsonl.x9a1.tmp"), "a write in progress");
    Path other = Files.writeString(dir.resolve(".project.toml.z1.tmp"), "another file's");
    Files.setLastModifiedTime(
        other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));

    int removed = AtomicFiles.removeLeftovers(target, java.time.Duration.ofMinutes(1));

    assertThat(removed).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
    assertThat(other).exists();
    assertThat(target).hasContent("kept");
    assertThat(
            AtomicFiles.removeLeftovers(
                dir.resolve("missing/issues.jsonl"), java.time.Duration.ZERO))
        .isZero();
  }

  @Test
  void writesContentOfManySlicesWhole() throws IOException {
    Path target = dir.resolve("issues.jsonl");
    byte[] content = new byte[FileBytes.SLICE * 3 + 17];
    new java.util.Random(7).nextBytes(content);

    AtomicFiles.write(target, content);

    assertThat(Files.readAllBytes(target)).isEqualTo(content);
  }

  @Test
  void createsAMissingFileAndAcceptsARelativePath() throws IOException {
    Path target = dir.resolve("fresh.jsonl");

    AtomicFiles.write(target, new byte[0]);
    AtomicFiles.write(Path.of("").toAbsolutePath().relativize(target), bytes("x\n"));

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes("x\n"));
    assertThat(names(dir)).containsExactly("fresh.jsonl");
  }

  @Test
  void theNewFileKeepsTheOldPermissions() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path target = dir.resolve("issues.jsonl");
    Files.write(target, bytes("old\n"));
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(target, permissions);

    AtomicFiles.write(target, bytes("new\n"));

    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(permissions);
  }

  @Test
  void aTargetThatIsADirectoryFailsAndIsLeftIntact() throws IOException {
    Path target = Files.createDirectory(dir.resolve("issues.jsonl"));
    Files.write(target.resolve("inside.txt"), bytes("inside\n"));

    assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new\n")))
        .isInstanceOf(IOException.class);

    assertThat(Files.isDirectory(target)).isTrue();
    assertThat(Files.readAllBytes(target.resolve("inside.txt"))).isEqualTo(bytes("inside\n"));
    assertThat(names(dir)).containsExactly("issues.jsonl");
  }

  @Test
  void aReadOnlyDirectoryFailsAndLeavesTheOldFile() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path sub = Files.createDirectory(dir.resolve("repo"));
    Path target = sub.resolve("issues.jsonl");
    Files.write(target, bytes("old\n"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
    try {
      // A privileged user writes regardless of modes; the directory test above covers that case.
      assumeFalse(Files.isWritable(sub), "this user can write to a read-only directory");

      assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new\n")))
          .isInstanceOf(IOException.class);

      assertThat(Files.readAllBytes(target)).isEqualTo(bytes("old\n"));
      assertThat(names(sub)).containsExactly("issues.jsonl");
    } finally {
      Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aReaderSeesTheOldContentOrTheNewNeverHalf() throws Exception {
    Path target = dir.resolve("issues.jsonl");
    byte[] first = new byte[512 * 1024];
    byte[] second = new byte[256 * 1024];
    Arrays.fill(first, (byte) 'a');
    Arrays.fill(second, (byte) 'b');
    AtomicFiles.write(target, first);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new NamedThreadFactory("test-writer", true)
            .newThread(
                () -> {
                  try {
                    for (int i = 0; i < 40; i++) {
                      AtomicFiles.write(target, i % 2 == 0 ? second : first);
                    }
                  } catch (Throwable e) {
                    failure.set(e);
                  }
                });
    writer.start();
    int reads = 0;
    while (writer.isAlive() || reads == 0) {
      byte[] seen = Files.readAllBytes(target);
      assertThat(Arrays.equals(seen, first) || Arrays.equals(seen, second))
          .as("read %d bytes that are neither the old content nor the new", seen.length)
          .isTrue();
      reads++;
    }
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writer.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(names(dir)).containsExactly("issues.jsonl");
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
