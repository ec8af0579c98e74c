package dev.tracker.cli.daemon;

import java.io.IOException;

/** Starts a daemon in the background; the caller then dials it until it answers. */
public interface DaemonStarter {

  /** Spawns a daemon and returns at once, without waiting for it to listen. */
  Launch start() throws IOException;

  /** A spawned daemon process, watched while the CLI waits for the socket. */
  interface Launch {
    /** The process's exit code if it has already ended, else -1. */
    int exitCode();
  }
}
