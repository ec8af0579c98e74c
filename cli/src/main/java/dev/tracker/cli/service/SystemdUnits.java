package dev.tracker.cli.service;

import dev.tracker.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The systemd user units of the daemon, and the plans that install and remove them. Plain: {@code
 * tracker.service} starts the daemon at login and restarts it when it fails. Socket-activated:
 * {@code tracker.socket} makes systemd listen on the daemon's socket from login on, and start
 * {@code tracker.service} at the first connection, handing it the listening socket as standard
 * input.
 */
public final class SystemdUnits {
  public static final String SERVICE = "tracker.service";
  public static final String SOCKET = "tracker.socket";
  static final String HEADER =
      "# Written by 'tracker daemon install'; 'tracker daemon uninstall' removes it.\n";
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9/._+:@=,-]+");

  private final Path unitDir;

  /** Units in {@code unitDir}: {@code $XDG_CONFIG_HOME/systemd/user} or {@code ~/.config/...}. */
  public SystemdUnits(Path unitDir) {
    this.unitDir = unitDir;
  }

  /** The user unit directory systemd reads, for this environment. */
  public static Path unitDir(String xdgConfigHome, Path home) {
    Path config =
        xdgConfigHome != null && Path.of(xdgConfigHome).isAbsolute()
            ? Path.of(xdgConfigHome)
            : home.resolve(".config");
    return config.resolve("systemd/user");
  }

  public Path service() {
    return unitDir.resolve(SERVICE);
  }

  public Path socket() {
    return unitDir.resolve(SOCKET);
  }

  public ServicePlan install(DaemonLaunch launch, Path socketPath, boolean socketActivated) {
    requireExecutableName(launch.executable());
    List<ServiceStep> before = new ArrayList<>();
    List<Path> remove = new ArrayList<>();
    List<ServiceFile> write = new ArrayList<>();
    write.add(new ServiceFile(service(), serviceUnit(launch, socketActivated)));
    if (socketActivated) {
      write.add(new ServiceFile(socket(), socketUnit(socketPath)));
      if (Files.exists(loginLink(), LinkOption.NOFOLLOW_LINKS)) {
        // Enabled plainly before: it would still start at login instead of at the first command.
        before.add(ServiceStep.of("--user", "disable", SERVICE));
      }
    } else if (Files.exists(socket())) {
      // Installed socket-activated before: that socket unit would keep starting the service.
      before.add(ServiceStep.of("--user", "disable", "--now", SOCKET));
      remove.add(socket());
    }
    String enabled = socketActivated ? SOCKET : SERVICE;
    return new ServicePlan(
        ServicePlatform.LINUX,
        before,
        write,
        remove,
        List.of(
            ServiceStep.of("--user", "daemon-reload"),
            ServiceStep.of("--user", "enable", "--now", enabled)),
        List.of(
            ServiceStep.tolerant("--user", "disable", "--now", enabled),
            ServiceStep.tolerant("--user", "daemon-reload")));
  }

  /** Disables and stops what is installed, removes the units, reloads; nothing when none is. */
  public ServicePlan uninstall() {
    List<String> units = new ArrayList<>();
    List<Path> remove = new ArrayList<>();
    // The socket first: stopping the service alone would let the socket start it again.
    for (Path unit : List.of(socket(), service())) {
      if (Files.exists(unit)) {
        units.add(unit.getFileName().toString());
        remove.add(unit);
      }
    }
    // systemctl disable removes these; they are removed here too, for when it could not run.
    for (Path link : wantsLinks()) {
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        remove.add(link);
      }
    }
    if (units.isEmpty()) {
      return new ServicePlan(
          ServicePlatform.LINUX, List.of(), List.of(), remove, List.of(), List.of());
    }
    List<String> disable = new ArrayList<>(List.of("--user", "disable", "--now"));
    disable.addAll(units);
    return new ServicePlan(
        ServicePlatform.LINUX,
        List.of(new ServiceStep(disable, false)),
        List.of(),
        remove,
        List.of(ServiceStep.of("--user", "daemon-reload")),
        List.of());
  }

  /**
   * The program the installed {@code tracker.service} starts (ExecStart='s first word), or null.
   */
  public Path installedExecutable() throws IOException {
    if (!Files.exists(service())) {
      return null;
    }
    for (String line : Files.readAllLines(service(), StandardCharsets.UTF_8)) {
      if (line.startsWith("ExecStart=")) {
        return Path.of(firstWord(line.substring("ExecStart=".length())));
      }
    }
    return null;
  }

  /** The first word of a command line as {@link #execLine} writes it, unquoted and unescaped. */
  static String firstWord(String line) {
    StringBuilder word = new StringBuilder();
    if (line.startsWith("\"")) {
      for (int i = 1; i < line.length() && line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\' && i + 1 < line.length()) {
          char next = line.charAt(++i);
          word.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        } else {
          word.append(c);
        }
      }
    } else {
      int end = line.indexOf(' ');
      word.append(end < 0 ? line : line.substring(0, end));
    }
    return word.toString().replace("%%", "%");
  }

  /** The link {@code systemctl enable} makes for a unit wanted at login. */
  private Path loginLink() {
    return unitDir.resolve("default.target.wants").resolve(SERVICE);
  }

  private List<Path> wantsLinks() {
    return List.of(loginLink(), unitDir.resolve("sockets.target.wants").resolve(SOCKET));
  }

  static String serviceUnit(DaemonLaunch launch, boolean socketActivated) {
    StringBuilder unit = new StringBuilder(HEADER);
    unit.append("[Unit]\n");
    unit.append("Description=tracker daemon (local-first issue tracker)\n");
    if (socketActivated) {
      unit.append("Requires=").append(SOCKET).append('\n');
      unit.append("After=").append(SOCKET).append('\n');
    }
    unit.append("\n[Service]\n");
    unit.append("Type=simple\n");
    unit.append("ExecStart=").append(execLine(launch.command())).append('\n');
    for (Map.Entry<String, String> variable : launch.environment().entrySet()) {
      unit.append("Environment=")
          .append(quoted(variable.getKey() + "=" + variable.getValue(), false))
          .append('\n');
    }
    if (socketActivated) {
      // The listening socket is the daemon's standard input. Standard output would default to the
      // same socket: both output streams go to the journal instead.
      unit.append("StandardInput=socket\n");
      unit.append("StandardOutput=journal\n");
      unit.append("StandardError=journal\n");
    }
    unit.append("Restart=on-failure\n");
    unit.append("RestartSec=2s\n");
    // The JVM ends on SIGTERM (systemctl stop, kill) with status 143 after a graceful stop: that
    // is a success, not a failure to restart from.
    unit.append("SuccessExitStatus=143\n");
    if (!socketActivated) {
      unit.append("\n[Install]\nWantedBy=default.target\n");
    }
    return unit.toString();
  }

  static String socketUnit(Path socketPath) {
    return HEADER
        + "[Unit]\n"
        + "Description=tracker daemon socket\n"
        + "\n[Socket]\n"
        + "ListenStream="
        + socketPath.toString().replace("%", "%%")
        + "\n"
        + "SocketMode=0600\n"
        + "DirectoryMode=0700\n"
        + "RemoveOnStop=yes\n"
        + "\n[Install]\n"
        + "WantedBy=sockets.target\n";
  }

  /**
   * A command line for ExecStart=: each word quoted as systemd reads it, specifiers escaped. The
   * program's path is not subject to variable expansion (a {@code $} in it stays as it is); its
   * arguments are.
   */
  static String execLine(List<String> command) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < command.size(); i++) {
      words.add(quoted(command.get(i), i > 0));
    }
    return String.join(" ", words);
  }

  /** systemd refuses a program path holding quotes, backslashes or control characters. */
  static void requireExecutableName(Path executable) {
    String name = executable.toString();
    for (char c : name.toCharArray()) {
      if (c == '"' || c == '\'' || c == '\\' || Character.isISOControl(c)) {
        throw CliException.error(
            "systemd cannot start a program whose path holds quotes, backslashes or control"
                + " characters: "
                + name,
            "install tracker in a directory whose path has none of them");
      }
    }
  }

  /**
   * One word as systemd's unit parser reads it back: {@code %} starts a specifier and {@code $} (in
   * ExecStart=) a variable, so both are doubled; anything beyond plain path characters is put in
   * double quotes with C-style escapes.
   */
  static String quoted(String word, boolean expandsVariables) {
    String escaped = word.replace("%", "%%");
    if (expandsVariables) {
      escaped = escaped.replace("$", "$$");
    }
    if (PLAIN_WORD.matcher(word).matches()) {
      return escaped;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : escaped.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
