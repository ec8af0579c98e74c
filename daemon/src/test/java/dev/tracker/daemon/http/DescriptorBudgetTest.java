package dev.tracker.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The descriptor budget against this JVM's own limit and descriptors. */
class DescriptorBudgetTest {
  @Test
  void readsThisProcesssLimitAndOpenCount() throws IOException {
    DescriptorBudget.Snapshot budget = new DescriptorBudget(() -> 0).now();
    long listed;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      listed = fds.count();
    }
    assertThat(budget.limit()).isEqualTo(limitOfThisProcess());
    assertThat(budget.open()).isBetween(listed - 5, listed + 5);
    assertThat(budget.reserve())
        .isBetween(DescriptorBudget.MIN_RESERVE, DescriptorBudget.MAX_RESERVE);
    assertThat(budget.connectionsAllowed())
        .isEqualTo(budget.limit() - budget.open() - budget.reserve());
    assertThat(budget.describe())
        .isEqualTo(
            "the daemon has "
                + budget.open()
                + " of its "
                + budget.limit()
                + " file descriptors open and keeps "
                + budget.reserve()
                + " free for its database, sync and log");
  }

  @Test
  void socketsOpenedSinceTheLastReadingCountAtOnce() {
    AtomicInteger sockets = new AtomicInteger();
    DescriptorBudget budget = new DescriptorBudget(sockets::get);
    // Between two readings 100 ms apart; a stalled machine may cross one, hence a few tries.
    long counted = -1;
    long allowedBefore = 0;
    long allowedAfter = -1;
    for (int attempt = 0; attempt < 5 && counted != 7; attempt++) {
      DescriptorBudget.Snapshot before = budget.now();
      sockets.addAndGet(7);
      DescriptorBudget.Snapshot after = budget.now();
      counted = after.open() - before.open();
      allowedBefore = before.connectionsAllowed();
      allowedAfter = after.connectionsAllowed();
    }
    assertThat(counted).isEqualTo(7);
    // The sockets are connections: how many connections are allowed in all does not change.
    assertThat(allowedAfter).isEqualTo(allowedBefore);
  }

  @Test
  void aLowLimitKeepsHalfOfWhatIsLeftInReserve() {
    DescriptorBudget.Snapshot tight = new DescriptorBudget.Snapshot(64, 54, 5, 5);
    assertThat(tight.runningShort()).isFalse();
    assertThat(new DescriptorBudget.Snapshot(64, 60, 5, 5).runningShort()).isTrue();
  }

  @Test
  void tooManyOpenFilesIsRecognisedOnlyInInputOutputFailures() {
    FileSystemException emfile =
        new FileSystemException("/data/repo/.tracker/issues.jsonl", null, "Too many open files");
    assertThat(ConnectionGuard.isOutOfDescriptors(emfile)).isTrue();
    assertThat(ConnectionGuard.isOutOfDescriptors(new UncheckedIOException(emfile))).isTrue();
    assertThat(
            ConnectionGuard.isOutOfDescriptors(
                new TrackerException(ErrorCode.INVALID_REQUEST, "cannot read the file", emfile)))
        .isTrue();
    // A user's title that says so is not a shortage of descriptors.
    assertThat(
            ConnectionGuard.isOutOfDescriptors(
                TrackerException.invalid("title", "'Too many open files' is too long")))
        .isFalse();
    assertThat(ConnectionGuard.isOutOfDescriptors(new IOException("No space left on device")))
        .isFalse();
  }

  private static long limitOfThisProcess() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        return Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
      }
    }
    throw new AssertionError("no 'Max open files' in /proc/self/limits");
  }
}
