package dev.tracker.cli.daemon;

import dev.tracker.cli.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawns {@code tracker-daemon run --detached} in its own session ({@code setsid}, when there is
 * one, so that closing the terminal does not hang it up), with stdin from {@code /dev/null} and
 * stdout and stderr appended to the daemon log: the CLI's own streams must not be held open by a
 * process that outlives it, or a pipe reading the CLI's output would never end.
 */
public final class ProcessDaemonStarter implements DaemonStarter {
  private final Environment env;
  private final Path logFile;

  public ProcessDaemonStarter(Environment env, Path logFile) {
    this.env = env;
    this.logFile = logFile;
  }

  @Override
  public Launch start() throws IOException {
    List<String> command = new ArrayList<>();
    Path setsid = DaemonExecutable.onPath(env, "setsid");
    if (setsid != null) {
      command.add(setsid.toString());
    }
    command.add(DaemonExecutable.find(env).toString());
    command.add("run");
    command.add("--detached");
    Files.createDirectories(logFile.getParent());
    Process process =
        new ProcessBuilder(command)
            .directory(env.userHome().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectErrorStream(true)
            .start();
    return new ProcessLaunch(process);
  }

  private static final class ProcessLaunch implements Launch {
    private final Process process;

    ProcessLaunch(Process process) {
      this.process = process;
    }

    @Override
    public int exitCode() {
      return process.isAlive() ? -1 : process.exitValue();
    }
  }
}
