package dev.tracker.cli.commands;

import dev.tracker.cli.CliException;
import dev.tracker.cli.daemon.DaemonControl;
import dev.tracker.cli.daemon.DaemonExecutable;
import dev.tracker.cli.json.JsonObject;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.service.LoginService;
import dev.tracker.cli.service.ServicePlatform;
import dev.tracker.core.error.ExitCode;
import dev.tracker.core.paths.RuntimePaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

final class DoctorCommand extends BaseCommand {
  /** Below this, writes may soon fail with 507: worth a warning before they do. */
  static final long LOW_SPACE_BYTES = 100L * 1024 * 1024;

  @Override
  void declare(CommandModel model) {
    model.named(
        "doctor",
        "Check the installation and say how to fix what is wrong.",
        "Checks the runtime directory and socket permissions, stale files, whether the daemon"
            + " answers and its version, the database's integrity (PRAGMA quick_check) and free"
            + " space, git, each project's sync state and whether its JSONL file parses, the"
            + " launcher's class-data archives, and whether the login service ('tracker daemon"
            + " install') starts this installation's daemon. Never starts a daemon (a"
            + " socket-activated one is started by systemd when doctor connects). Exit 0 when all"
            + " is well, 1 when something needs fixing.",
        "With --json: {\"ok\",\"checks\":[{\"check\",\"ok\",\"detail\",\"fix\"}]}.");
  }

  record Check(String name, boolean ok, String detail, String fix) {
    JsonObject json() {
      return new JsonObject()
          .with("check", name)
          .with("ok", ok)
          .with("detail", detail)
          .with("fix", fix);
    }
  }

  @Override
  protected int execute(Output out) {
    RuntimePaths paths = context.paths();
    List<Check> checks = new ArrayList<>();
    checks.add(runtimeDirectory(paths.runtimeDir()));
    DaemonControl control = context.api(out).control();
    JsonObject health = Files.exists(paths.socket()) ? probe(control) : null;
    checks.add(socket(paths, health));
    checks.add(pidFile(paths, health));
    checks.add(staleFiles(paths, health));
    if (health == null) {
      checks.add(
          new Check(
              "daemon",
              false,
              "no daemon answers on " + paths.socket(),
              "any command starts one ('tracker daemon start'); its log: 'tracker daemon logs'"));
    } else {
      checks.add(daemon(health));
      daemonSide(control, checks);
    }
    checks.add(archives());
    checks.add(loginService());
    return report(out, checks);
  }

  private static JsonObject probe(DaemonControl control) {
    try {
      return control.probe();
    } catch (CliException e) {
      return null;
    }
  }

  private static Check runtimeDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new Check(
          "runtime directory", true, dir + " does not exist yet (made at the first start)", null);
    }
    try {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
      String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
      String self = System.getProperty("user.name");
      if (!owner.equals(self)) {
        return new Check(
            "runtime directory",
            false,
            dir + " belongs to " + owner + ", not " + self,
            "remove it (the daemon makes a new one), or set XDG_RUNTIME_DIR to a directory of yours");
      }
      if (!mode.equals("rwx------")) {
        return new Check(
            "runtime directory",
            false,
            dir + " has mode " + mode + "; others may reach the socket",
            "chmod 700 " + dir);
      }
      return new Check("runtime directory", true, dir + " (rwx------, " + owner + ")", null);
    } catch (IOException | UnsupportedOperationException e) {
      return new Check(
          "runtime directory",
          false,
          "cannot inspect " + dir + ": " + e.getMessage(),
          "check that " + dir + " is a directory of yours on a local file system");
    }
  }

  private static Check socket(RuntimePaths paths, JsonObject health) {
    Path socket = paths.socket();
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return new Check("socket", true, "no socket (no daemon running)", null);
    }
    if (health == null) {
      return new Check(
          "socket",
          false,
          socket + " exists but no daemon answers: left by a daemon that was killed",
          "harmless: the next daemon removes it under its lock ('tracker daemon start')");
    }
    try {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket));
      boolean ok = mode.equals("rw-------");
      return new Check(
          "socket",
          ok,
          socket + " (" + mode + ")",
          ok ? null : "chmod 600 " + socket + ", or 'tracker daemon restart'");
    } catch (IOException e) {
      return new Check(
          "socket",
          false,
          "cannot inspect " + socket + ": " + e.getMessage(),
          "'tracker daemon restart'");
    }
  }

  private static Check pidFile(RuntimePaths paths, JsonObject health) {
    Path file = paths.pidFile();
    if (!Files.exists(file)) {
      return health == null
          ? new Check("pid file", true, "none", null)
          : new Check(
              "pid file",
              false,
              file + " is missing although the daemon runs",
              "harmless (it is informational): 'tracker daemon restart' writes it again");
    }
    String text;
    try {
      text = Files.readString(file).strip();
    } catch (IOException e) {
      return new Check(
          "pid file",
          false,
          "cannot read " + file + ": " + e.getMessage(),
          "check the permissions of " + file.getParent());
    }
    if (health != null && text.equals(String.valueOf(health.get("pid")))) {
      return new Check("pid file", true, file + " names the running daemon (" + text + ")", null);
    }
    return new Check(
        "pid file",
        false,
        file + " names " + text + ", which is not a running daemon",
        "harmless (the pid file is informational): the next daemon rewrites it");
  }

  /** What a daemon killed with SIGKILL leaves besides its socket and pid file. */
  private static Check staleFiles(RuntimePaths paths, JsonObject health) {
    List<String> stale = new ArrayList<>();
    if (health == null) {
      for (Path file : List.of(paths.tokenFile(), paths.tcpFile())) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          stale.add(file.toString());
        }
      }
    }
    return stale.isEmpty()
        ? new Check("stale files", true, "none", null)
        : new Check(
            "stale files",
            false,
            "left by a daemon that is gone: " + String.join(", ", stale),
            "harmless (the next daemon replaces them); to tidy up: rm " + String.join(" ", stale));
  }

  /** Whether the daemon starts at login, and from this installation. */
  private Check loginService() {
    LoginService service;
    try {
      service = DaemonInstallCommand.loginService(context, null);
    } catch (CliException unsupported) {
      return new Check("login service", true, unsupported.getMessage(), null);
    }
    boolean linux = service.platform() == ServicePlatform.LINUX;
    Path unit = linux ? service.systemdUnits().service() : service.launchAgent().plist();
    Path installed;
    try {
      installed =
          linux
              ? service.systemdUnits().installedExecutable()
              : service.launchAgent().installedExecutable();
    } catch (IOException e) {
      return new Check(
          "login service",
          false,
          "cannot read " + unit + ": " + e.getMessage(),
          "'tracker daemon uninstall', then 'tracker daemon install'");
    }
    if (installed == null) {
      return new Check(
          "login service",
          true,
          "not installed (optional: 'tracker daemon install' starts the daemon at login)",
          null);
    }
    if (!Files.isExecutable(installed)) {
      return new Check(
          "login service",
          false,
          unit + " starts " + installed + ", which is gone (moved or removed installation?)",
          "'tracker daemon install' from the installation you use now");
    }
    Path ours = thisInstallationsDaemon();
    if (ours != null && !ours.equals(installed)) {
      return new Check(
          "login service",
          false,
          unit + " starts " + installed + ", not this installation's " + ours,
          "'tracker daemon install' to start this installation's daemon at login");
    }
    boolean socketActivated = linux && Files.exists(service.systemdUnits().socket());
    return new Check(
        "login service",
        true,
        unit + " starts " + installed + (socketActivated ? " (socket-activated)" : ""),
        null);
  }

  private Path thisInstallationsDaemon() {
    try {
      return DaemonExecutable.find(context.env()).toAbsolutePath().normalize();
    } catch (CliException notFound) {
      return null;
    }
  }

  private Check daemon(JsonObject health) {
    String version = health.string("version", "?");
    boolean same = version.equals(context.settings().version());
    return new Check(
        "daemon",
        same,
        "pid "
            + health.get("pid")
            + ", version "
            + version
            + " (API v"
            + health.get("apiVersion")
            + "), up "
            + health.get("uptimeSeconds")
            + " s, database answers in "
            + health.get("dbResponseMs")
            + " ms",
        same
            ? null
            : "this tracker is " + context.settings().version() + ": 'tracker daemon restart'");
  }

  private static void daemonSide(DaemonControl control, List<Check> checks) {
    JsonObject diagnostics;
    try {
      diagnostics = control.getJson("/v1/diagnostics");
    } catch (CliException e) {
      checks.add(new Check("diagnostics", false, e.getMessage(), "'tracker daemon logs'"));
      return;
    }
    JsonObject db = diagnostics.object("database");
    List<String> quick = db.strings("quickCheck");
    boolean sound = quick.size() == 1 && quick.get(0).equals("ok");
    checks.add(
        new Check(
            "database integrity",
            sound,
            db.string("file") + ": " + String.join("; ", quick),
            sound
                ? null
                : "stop the daemon, keep a copy of the file, then restore from a backup or"
                    + " 'tracker import' of each project's .tracker/issues.jsonl"));
    Object free = db.get("freeBytes");
    if (free instanceof Number bytes) {
      boolean plenty = bytes.longValue() >= LOW_SPACE_BYTES;
      checks.add(
          new Check(
              "disk space",
              plenty,
              bytes.longValue() / (1024 * 1024) + " MB free beside the database",
              plenty ? null : "free some space: writes fail when the disk is full"));
    }
    JsonObject git = diagnostics.object("git");
    boolean gitOk = Boolean.TRUE.equals(git.get("available"));
    checks.add(
        new Check(
            "git",
            gitOk,
            git.string("detail", ""),
            gitOk ? null : "install git, or leave git commits off (the default)"));
    for (JsonObject file : diagnostics.objects("files")) {
      String error = file.string("error");
      checks.add(
          new Check(
              "sync file of " + file.string("project"),
              error == null,
              file.string("file")
                  + (Boolean.TRUE.equals(file.get("exists")) ? "" : " (not written yet)")
                  + (error == null ? "" : ": " + error),
              error == null
                  ? null
                  : "fix that line (a merge conflict? 'git mergetool'), then 'tracker sync'"));
    }
    for (JsonObject state : diagnostics.objects("sync")) {
      String lastError = state.string("lastError");
      String paused = state.string("pausedAt");
      boolean ok = lastError == null && paused == null;
      checks.add(
          new Check(
              "sync of " + state.string("project"),
              ok,
              ok
                  ? "last export " + state.string("lastExport", "never")
                  : (paused != null ? "paused at " + paused : "last error: " + lastError),
              ok ? null : "'tracker sync' after fixing the file; 'tracker daemon logs' for more"));
    }
  }

  /** The launcher's class-data archives: adopted, being recorded, or damaged. */
  private Check archives() {
    Path dir = cacheDirectory();
    if (dir == null || !Files.isDirectory(dir)) {
      return new Check("launcher cache", true, "no class-data archive yet", null);
    }
    List<String> adopted = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    int recordings = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".recording")) {
          recordings++;
        } else if (!name.endsWith(".size")) {
          Path size = entry.resolveSibling(name + ".size");
          boolean whole =
              Files.exists(size)
                  && Files.readString(size).strip().equals(String.valueOf(Files.size(entry)));
          (whole ? adopted : damaged).add(name);
        }
      }
    } catch (IOException e) {
      return new Check(
          "launcher cache",
          false,
          "cannot read " + dir + ": " + e.getMessage(),
          "delete " + dir + " (the launcher makes a new one)");
    }
    String detail =
        dir
            + ": "
            + adopted.size()
            + " archive(s)"
            + (recordings == 0 ? "" : ", " + recordings + " being recorded")
            + (damaged.isEmpty() ? "" : ", damaged: " + String.join(", ", damaged));
    return new Check(
        "launcher cache",
        damaged.isEmpty(),
        detail,
        damaged.isEmpty() ? null : "harmless (the launcher replaces them); or delete " + dir);
  }

  private Path cacheDirectory() {
    String cache = context.env().get("XDG_CACHE_HOME");
    if (cache != null && !cache.isBlank()) {
      return Path.of(cache, "tracker", "jvm");
    }
    return context.env().userHome() == null
        ? null
        : context.env().userHome().resolve(".cache/tracker/jvm");
  }

  private static int report(Output out, List<Check> checks) {
    boolean ok = checks.stream().allMatch(Check::ok);
    if (out.json()) {
      List<Object> list = new ArrayList<>();
      checks.forEach(check -> list.add(check.json()));
      out.printJson(new JsonObject().with("ok", ok).with("checks", list));
    } else {
      for (Check check : checks) {
        out.line((check.ok() ? "ok    " : "FIX   ") + check.name() + ": " + check.detail());
        if (!check.ok() && check.fix() != null) {
          out.line("      -> " + check.fix());
        }
      }
      out.line(ok ? "Everything looks fine." : "Some checks need attention (see -> above).");
    }
    return ok ? ExitCode.OK : ExitCode.ERROR;
  }
}
