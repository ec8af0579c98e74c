package dev.tracker.cli.service;

import dev.tracker.cli.CliException;
import dev.tracker.cli.Environment;
import dev.tracker.cli.daemon.DaemonExecutable;
import dev.tracker.core.paths.RuntimePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting the daemon at login: builds the plan for a platform ({@link SystemdUnits}, {@link
 * LaunchAgent}) and carries it out. An install either completes or leaves no file of its own
 * behind; an uninstall removes every file whatever the service manager answers, and reports what
 * failed.
 */
public final class LoginService {
  private final ServicePlatform platform;
  private final Environment env;
  private final RuntimePaths paths;

  public LoginService(ServicePlatform platform, Environment env, RuntimePaths paths) {
    this.platform = platform;
    this.env = env;
    this.paths = paths;
  }

  public ServicePlatform platform() {
    return platform;
  }

  /** What was done: files written and removed, commands run, and failures that stopped nothing. */
  public record Outcome(
      List<Path> written, List<Path> removed, List<List<String>> ran, List<String> problems) {}

  public ServicePlan installPlan(boolean socketActivation) {
    Path daemon = DaemonExecutable.find(env);
    if (platform == ServicePlatform.MACOS) {
      if (socketActivation) {
        throw CliException.usage(
            "--socket-activation is for systemd (Linux)",
            "drop it: launchd starts the daemon at login");
      }
      return launchAgent()
          .install(DaemonLaunch.of(daemon, paths, env, List.of("--detached")), paths.logFile());
    }
    List<String> flags = socketActivation ? List.of("--socket-activation") : List.of();
    return systemdUnits()
        .install(DaemonLaunch.of(daemon, paths, env, flags), paths.socket(), socketActivation);
  }

  public ServicePlan uninstallPlan() {
    return platform == ServicePlatform.MACOS
        ? launchAgent().uninstall()
        : systemdUnits().uninstall();
  }

  public SystemdUnits systemdUnits() {
    return new SystemdUnits(SystemdUnits.unitDir(env.get("XDG_CONFIG_HOME"), env.userHome()));
  }

  public LaunchAgent launchAgent() {
    return new LaunchAgent(env.userHome(), env.uid());
  }

  /** The service manager's tool on {@code PATH}, or null. */
  public Path tool() {
    return DaemonExecutable.onPath(env, platform.tool());
  }

  /**
   * Runs {@code plan}: when a command fails, what was written is taken back and the failure thrown
   * (with {@code hint}).
   */
  public Outcome install(ServicePlan plan, ServiceManager manager, String hint) {
    List<List<String>> ran = new ArrayList<>();
    for (ServiceStep step : plan.before()) {
      ServiceManager.Result result = run(manager, step, ran);
      if (!result.ok() && !step.mayFail()) {
        throw CliException.error(result.failure() + "; nothing was changed", hint);
      }
    }
    List<Path> written = new ArrayList<>();
    List<Path> removed = new ArrayList<>();
    List<Path> madeDirs = missingDirectories(plan.write());
    try {
      for (ServiceFile file : plan.write()) {
        write(file);
        written.add(file.path());
      }
      for (Path path : plan.remove()) {
        if (Files.deleteIfExists(path)) {
          removed.add(path);
        }
      }
    } catch (IOException e) {
      undo(plan, manager, written, madeDirs, new ArrayList<>());
      throw CliException.error("cannot write " + e.getMessage() + "; nothing was installed", hint);
    }
    for (ServiceStep step : plan.after()) {
      ServiceManager.Result result = run(manager, step, ran);
      if (!result.ok() && !step.mayFail()) {
        List<String> undone = new ArrayList<>();
        undo(plan, manager, written, madeDirs, undone);
        throw CliException.error(result.failure(), hint)
            .withDetails(
                "undone: "
                    + (undone.isEmpty() ? "nothing to undo" : String.join("; ", undone))
                    + ". Nothing of the login service is left installed.");
      }
    }
    return new Outcome(written, removed, ran, List.of());
  }

  /**
   * Runs {@code plan} to its end; {@code manager} is null when the tool is not installed (then no
   * service manager can have loaded the files, and removing them is all there is to do).
   */
  public Outcome uninstall(ServicePlan plan, ServiceManager manager) {
    List<List<String>> ran = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    runAll(plan.before(), manager, ran, problems);
    List<Path> removed = new ArrayList<>();
    for (Path path : plan.remove()) {
      try {
        if (Files.deleteIfExists(path)) {
          removed.add(path);
        }
      } catch (IOException e) {
        problems.add("cannot remove " + path + ": " + e.getMessage());
      }
    }
    runAll(plan.after(), manager, ran, problems);
    return new Outcome(List.of(), removed, ran, problems);
  }

  private static void runAll(
      List<ServiceStep> steps,
      ServiceManager manager,
      List<List<String>> ran,
      List<String> problems) {
    if (manager == null) {
      return;
    }
    for (ServiceStep step : steps) {
      ServiceManager.Result result = run(manager, step, ran);
      if (!result.ok() && !step.mayFail()) {
        problems.add(result.failure());
      }
    }
  }

  private static ServiceManager.Result run(
      ServiceManager manager, ServiceStep step, List<List<String>> ran) {
    ServiceManager.Result result = manager.run(step.args());
    ran.add(result.command());
    return result;
  }

  /** The directories writing {@code files} creates, deepest first. */
  private static List<Path> missingDirectories(List<ServiceFile> files) {
    List<Path> missing = new ArrayList<>();
    for (ServiceFile file : files) {
      for (Path dir = file.path().getParent();
          dir != null && !Files.exists(dir) && !missing.contains(dir);
          dir = dir.getParent()) {
        missing.add(dir);
      }
    }
    missing.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
    return missing;
  }

  private static void undo(
      ServicePlan plan,
      ServiceManager manager,
      List<Path> written,
      List<Path> madeDirs,
      List<String> undone) {
    for (ServiceStep step : plan.undo()) {
      ServiceManager.Result result = manager.run(step.args());
      undone.add("ran " + String.join(" ", result.command()) + (result.ok() ? "" : " (failed)"));
    }
    for (Path path : written) {
      try {
        if (Files.deleteIfExists(path)) {
          undone.add("removed " + path);
        }
      } catch (IOException e) {
        undone.add("could not remove " + path + ": " + e.getMessage());
      }
    }
    for (Path dir : madeDirs) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException notEmpty) {
        // Something else was put there meanwhile: it stays, with the directory.
      }
    }
  }

  /** Writes beside the target and renames, so the service manager never reads half a file. */
  private static void write(ServiceFile file) throws IOException {
    Path dir = file.path().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.path().getFileName(), ".tmp");
      try {
        Files.writeString(temp, file.content(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(ServiceFile.MODE));
        Files.move(
            temp, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new IOException(file.path() + ": " + e.getMessage(), e);
    }
  }
}
