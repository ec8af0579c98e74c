package dev.tracker.daemon.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources a daemon opened, in opening order, closed in reverse. A failure to close one is
 * logged and the others are still closed: one stuck resource must not keep the rest open.
 */
final class Resources {
  private static final Logger log = LoggerFactory.getLogger(Resources.class);

  @FunctionalInterface
  interface Closer {
    void close() throws Exception;
  }

  private record Entry(String name, Closer closer) {}

  private final Deque<Entry> opened = new ArrayDeque<>();

  <T> T add(String name, T resource, Closer closer) {
    opened.push(new Entry(name, closer));
    return resource;
  }

  void closeAll() {
    while (!opened.isEmpty()) {
      Entry entry = opened.pop();
      long start = System.nanoTime();
      try {
        entry.closer().close();
      } catch (Exception | Error e) {
        log.error("closing {} failed; closing the rest anyway", entry.name(), e);
      }
      log.debug("closed {} in {} ms", entry.name(), (System.nanoTime() - start) / 1_000_000);
    }
  }
}
