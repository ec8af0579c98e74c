package dev.tracker.cli;

import dev.tracker.cli.commands.Commands;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One-time costs of the JVM that a command will pay, paid on the second core while the main thread
 * builds picocli's model: the Unix-domain socket stack (whose class initialisation seeds a {@code
 * SecureRandom}, about 20 ms on JDK 17), the selector, and the proxy classes the JDK generates for
 * picocli's annotations (a few milliseconds each, and not kept by the class-data archive). What is
 * warmed here is cached by the JDK for the process, so the main thread finds it done; nothing
 * warmed here is used directly.
 */
final class ParallelWarmUp implements AutoCloseable {
  private final Thread thread;

  private ParallelWarmUp(Thread thread) {
    this.thread = thread;
  }

  static ParallelWarmUp start(String commandName) {
    // Not a lambda: bootstrapping one would cost the main thread before it starts its own work.
    Thread thread =
        new Thread(
            new Runnable() {
              @Override
              public void run() {
                warm(commandName);
              }
            },
            "tracker-warm-up");
    thread.setDaemon(true);
    thread.start();
    return new ParallelWarmUp(thread);
  }

  private static void warm(String commandName) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      // Opened only to initialise the classes behind them.
    } catch (IOException | RuntimeException ignored) {
      // The main thread meets the same failure where it can report it.
    }
    Object command = commandName == null ? null : Commands.create(commandName);
    if (command != null) {
      readAnnotations(command.getClass());
    }
  }

  private static void readAnnotations(Class<?> type) {
    for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
      touch(each);
      for (Field field : each.getDeclaredFields()) {
        if (touch(field) && !field.getType().isPrimitive()) {
          touch(field.getType());
        }
      }
      for (Method method : each.getDeclaredMethods()) {
        touch(method);
      }
    }
  }

  private static boolean touch(AnnotatedElement element) {
    return element.getDeclaredAnnotations().length > 0;
  }

  /** Waits for the warm-up, so that no thread outlives the command. */
  @Override
  public void close() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
