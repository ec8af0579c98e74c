package dev.tracker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRecordingTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(ArchiveRecording.PROPERTY);
  }

  @Test
  void aRecordingRunLeavesItsMark() {
    System.setProperty(ArchiveRecording.PROPERTY, dir.toString());
    ArchiveRecording.markRepresentative();
    assertThat(dir.resolve(ArchiveRecording.MARK)).exists();
  }

  @Test
  void withoutARecordingNothingIsWritten() throws Exception {
    ArchiveRecording.markRepresentative();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aVanishedRecordingDirectoryIsNotAnError() {
    System.setProperty(ArchiveRecording.PROPERTY, dir.resolve("gone").toString());
    ArchiveRecording.markRepresentative();
    assertThat(dir.resolve("gone")).doesNotExist();
  }
}
