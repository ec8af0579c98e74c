package dev.tracker.daemon.sync;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Gives back the heap that a large import or export needed (or the check for one: the start-up
 * cycle parses the file and encodes the project even when nothing changed). Reading or writing
 * 10,000 issues allocates tens of megabytes, and what outlives a young collection stays in the old
 * generation, which shrinks only at a full collection; a daemon that then only serves reads may not
 * see one for hours: after the start-up sync of 10,000 issues the heap stayed at 61-65 MB committed
 * with 20 MB live. One full collection once the file is done brings it back to the live set plus
 * the launcher's {@code MaxHeapFreeRatio} (33 MB committed in the same measurement).
 *
 * <p>A collection costs some tens of milliseconds, so while the loop keeps moving large files (an
 * export after every burst of writes) it runs at most once per {@link #SPACING}; one put off for
 * that reason runs at the next tick that has nothing to do.
 */
final class HeapRelease {
  /** About 1,300 issues: below this, an import or export leaves too little to be worth a pause. */
  static final long LARGE_FILE_BYTES = 1 << 20;

  static final Duration SPACING = Duration.ofMinutes(1);

  private final LongSupplier nanoTime;
  private final Runnable collect;
  private boolean pending;
  private boolean collectedBefore;
  private long lastCollected;

  HeapRelease(LongSupplier nanoTime, Runnable collect) {
    this.nanoTime = nanoTime;
    this.collect = collect;
  }

  /** The daemon's: a full collection of the JVM's heap. */
  static HeapRelease ofThisJvm() {
    return new HeapRelease(System::nanoTime, System::gc);
  }

  /**
   * After a tick: {@code largestHandled} is the size of the largest file content the tick parsed or
   * encoded, 0 if it did neither.
   */
  void afterTick(long largestHandled) {
    boolean idle = largestHandled == 0;
    if (largestHandled >= LARGE_FILE_BYTES) {
      pending = true;
    }
    if (!pending) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (idle || !collectedBefore || now - lastCollected >= SPACING.toNanos()) {
      pending = false;
      collectedBefore = true;
      lastCollected = now;
      collect.run();
    }
  }
}
