package dev.tracker.daemon.sync.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
  @TempDir Path dir;

  @Test
  void readsFilesOfNoneOneAndManySlices() throws IOException {
    for (int size : new int[] {0, 1, FileBytes.SLICE, FileBytes.SLICE * 3 + 17}) {
      byte[] content = random(size);
      Path file = dir.resolve("f" + size);
      Files.write(file, content);

      assertThat(FileBytes.read(file)).as("size %d", size).isEqualTo(content);
    }
  }

  @Test
  void writesEveryByteAtTheChannelsPosition() throws IOException {
    byte[] content = random(FileBytes.SLICE * 2 + 5);
    Path file = dir.resolve("out");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      FileBytes.write(channel, new byte[] {1, 2});
      FileBytes.write(channel, content);
    }

    byte[] written = Files.readAllBytes(file);
    assertThat(written).hasSize(content.length + 2).startsWith(1, 2);
    assertThat(java.util.Arrays.copyOfRange(written, 2, written.length)).isEqualTo(content);
  }

  @Test
  void aMissingFileIsReportedAsSuch() {
    assertThatThrownBy(() -> FileBytes.read(dir.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class);
  }

  private static byte[] random(int size) {
    byte[] content = new byte[size];
    new Random(size).nextBytes(content);
    return content;
  }
}
