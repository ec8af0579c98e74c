package dev.tracker.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncBaseTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void keep(SyncBase base, String text) {
    base.keep(bytes(text), SyncBase.sha256(bytes(text)));
  }

  @Test
  void givesBackWhatItKeptAndNothingBefore() throws IOException {
    SyncBase base = new SyncBase(dir.resolve("bases"), "proj");
    assertThat(base.content()).isNull();

    keep(base, "{\"id\":\"proj-1\"}\n");
    keep(base, "{\"id\":\"proj-2\"}\n");

    assertThat(base.content()).isEqualTo(bytes("{\"id\":\"proj-2\"}\n"));
  }

  @Test
  void aBaseLeftByAnEarlierLifeOrChangedOnDiskCountsAsNone() throws IOException {
    keep(new SyncBase(dir, "proj"), "old\n");
    SyncBase base = new SyncBase(dir, "proj");
    assertThat(base.content()).as("written by another instance").isNull();

    keep(base, "mine\n");
    Files.writeString(dir.resolve("proj.base.jsonl"), "edited\n");
    assertThat(base.content()).isNull();
    assertThat(base.content()).as("and stays so until the next base").isNull();

    keep(base, "next\n");
    assertThat(base.content()).isEqualTo(bytes("next\n"));
  }

  @Test
  void aBaseThatCannotBeWrittenCountsAsNone() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    SyncBase base = new SyncBase(notADirectory, "proj");

    keep(base, "content\n");

    assertThat(base.content()).isNull();
  }

  @Test
  void clearRemovesOnlyBases() throws IOException {
    keep(new SyncBase(dir, "one"), "1\n");
    keep(new SyncBase(dir, "two"), "2\n");
    Files.writeString(dir.resolve("other.txt"), "kept");

    SyncBase.clear(dir);
    SyncBase.clear(dir.resolve("missing"));

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("other.txt");
    }
  }
}
