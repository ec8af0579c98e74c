package dev.tracker.cli.service;

import dev.tracker.cli.Environment;
import dev.tracker.core.paths.RuntimePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the service manager starts the daemon: this installation's {@code tracker-daemon}, with every
 * path the CLI resolved given as a flag, and the variables the launcher needs to find java. A
 * service manager starts programs with an environment of its own, without the variables of the
 * shell that ran {@code tracker daemon install}: the daemon it starts must still use the
 * directories this CLI uses, and find the same java.
 */
public record DaemonLaunch(
    Path executable, List<String> arguments, Map<String, String> environment) {
  /** The variables carried into the service's environment, when they are set. */
  static final List<String> CARRIED = List.of("PATH", "JAVA_HOME", "TRACKER_JAVA");

  public DaemonLaunch {
    arguments = List.copyOf(arguments);
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * @param extraFlags mode flags ({@code --socket-activation}, {@code --detached}) after {@code
   *     run}
   */
  public static DaemonLaunch of(
      Path executable, RuntimePaths paths, Environment env, List<String> extraFlags) {
    List<String> arguments = new ArrayList<>();
    arguments.add("run");
    arguments.addAll(extraFlags);
    arguments.addAll(
        List.of(
            "--socket", paths.socket().toString(),
            "--runtime-dir", paths.runtimeDir().toString(),
            "--data-dir", paths.dataDir().toString(),
            "--state-dir", paths.stateDir().toString(),
            "--config-dir", paths.configDir().toString()));
    Map<String, String> carried = new LinkedHashMap<>();
    for (String name : CARRIED) {
      if (env.get(name) != null) {
        carried.put(name, env.get(name));
      }
    }
    return new DaemonLaunch(executable.toAbsolutePath().normalize(), arguments, carried);
  }

  /** The executable followed by the arguments. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    return command;
  }
}
