package dev.tracker.daemon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapReleaseTest {
  private static final long LARGE = HeapRelease.LARGE_FILE_BYTES;

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger collections = new AtomicInteger();
  private final HeapRelease release = new HeapRelease(now::get, collections::incrementAndGet);

  @Test
  void idleTicksAndSmallFilesNeverCollect() {
    release.afterTick(0);
    release.afterTick(LARGE - 1);
    release.afterTick(0);

    assertThat(collections).hasValue(0);
  }

  @Test
  void theFirstLargeFileIsCollectedAtOnce() {
    release.afterTick(LARGE);

    assertThat(collections).hasValue(1);
    release.afterTick(0);
    assertThat(collections).as("nothing left to give back").hasValue(1);
  }

  @Test
  void whileLargeFilesKeepComingOneCollectionPerSpacingThenOneWhenIdle() {
    release.afterTick(LARGE);
    now.addAndGet(HeapRelease.SPACING.toNanos() / 2);
    release.afterTick(LARGE);
    release.afterTick(LARGE - 1);
    assertThat(collections).hasValue(1);

    release.afterTick(0);
    assertThat(collections).as("put off until the loop is idle").hasValue(2);

    now.addAndGet(HeapRelease.SPACING.toNanos());
    release.afterTick(LARGE);
    assertThat(collections).as("a spacing after the last one").hasValue(3);
  }
}
