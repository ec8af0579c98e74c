package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Daemons.assertNoDaemon;
import static dev.tracker.it.e2e.Daemons.theOnlyDaemon;
import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.cli.json.JsonObject;
import dev.tracker.core.paths.CurrentUser;
import dev.tracker.it.harness.CliResult;
import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.DaemonProcesses;
import dev.tracker.it.harness.SpawningCliTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code tracker daemon install} and {@code uninstall} with the packaged CLI, against a temporary
 * {@code XDG_CONFIG_HOME}.
 *
 * <p>{@code systemctl} here is a test double: a script first on {@code PATH} that records its
 * arguments, one call per line, and succeeds, or fails the way systemctl does where no user manager
 * runs. The real one cannot be used: CI machines and containers run no systemd user session, and a
 * test must not enable services in the account that runs it. What the double cannot show, that
 * systemd accepts the files, {@code systemd-analyze verify} checks where it is installed (it needs
 * no running systemd).
 */
@SpawningCliTest
class LoginServiceTest {
  private static final String FAKE_SYSTEMCTL =
      """
      #!/bin/sh
      dir=${0%/*}
      printf '%s\\n' "$*" >> "$dir/calls"
      if [ -f "$dir/fail" ] && case " $* " in *" $(cat "$dir/fail") "*) true ;; *) false ;; esac; then
        echo "Failed to connect to bus: No medium found" >&2
        exit 1
      fi
      exit 0
      """;

  @Test
  void installWritesAnEnabledUserServiceThatUninstallRemoves(CliRunner cli) throws Exception {
    CliRunner tracker = withFakeSystemctl(cli);
    // A daemon already running is stopped, so that the service starts its own.
    ok(tracker.run("daemon", "start"));
    long running = theOnlyDaemon(tracker);

    CliResult installed = ok(tracker.run("daemon", "install"));

    assertThat(installed.stdout()).contains("Stopped the running daemon (pid " + running + ")");
    assertThat(DaemonProcesses.isRunning(running)).isFalse();
    assertNoDaemon(tracker);
    Path service = unitDir(tracker).resolve("tracker.service");
    assertThat(filesUnder(unitDir(tracker))).containsExactly(service);
    assertThat(mode(service)).isEqualTo("rw-r--r--");
    String unit = Files.readString(service);
    assertThat(lines(unit))
        .contains(
            "ExecStart=" + daemonExecutable() + " run" + pathFlags(tracker),
            "Restart=on-failure",
            "SuccessExitStatus=143",
            "Type=simple",
            "WantedBy=default.target",
            "Environment=PATH=" + tracker.environment().get("PATH"))
        .noneMatch(line -> line.startsWith("StandardInput="));
    assertThat(calls(tracker))
        .containsExactly("--user daemon-reload", "--user enable --now tracker.service");
    assertThat(installed.stdout())
        .contains("Wrote " + service, "Ran: systemctl --user enable --now tracker.service");

    CliResult removed = ok(tracker.run("daemon", "uninstall"));

    assertThat(removed.stdout()).contains("Removed " + service);
    assertThat(service).doesNotExist();
    assertThat(calls(tracker))
        .containsExactly(
            "--user daemon-reload",
            "--user enable --now tracker.service",
            "--user disable --now tracker.service",
            "--user daemon-reload");

    // Idempotent: nothing left to remove, and systemctl is not called again.
    CliResult again = ok(tracker.run("daemon", "uninstall", "--json"));
    assertThat(again.object().list("removed")).isEmpty();
    assertThat(ok(tracker.run("daemon", "uninstall")).stdout()).contains("Nothing to remove");
    assertThat(calls(tracker)).hasSize(4);
  }

  @Test
  void socketActivationAddsASocketUnitAndAPlainInstallTakesItBack(CliRunner cli) throws Exception {
    CliRunner tracker = withFakeSystemctl(cli);

    JsonObject report =
        ok(tracker.run("daemon", "install", "--socket-activation", "--json")).object();

    assertThat(report.bool("socketActivation")).isTrue();
    assertThat(report.get("stoppedDaemon")).isNull();
    Path service = unitDir(tracker).resolve("tracker.service");
    Path socket = unitDir(tracker).resolve("tracker.socket");
    assertThat(report.objects("files"))
        .extracting(file -> file.string("path"))
        .containsExactly(service.toString(), socket.toString());
    assertThat(report.objects("files"))
        .allSatisfy(file -> assertThat(file.string("mode")).isEqualTo("0644"));
    assertThat(mode(socket)).isEqualTo("rw-r--r--");
    assertThat(lines(Files.readString(socket)))
        .contains(
            "ListenStream=" + tracker.paths().socket(),
            "SocketMode=0600",
            "DirectoryMode=0700",
            "RemoveOnStop=yes",
            "WantedBy=sockets.target");
    assertThat(lines(Files.readString(service)))
        .contains(
            "ExecStart=" + daemonExecutable() + " run --socket-activation" + pathFlags(tracker),
            "StandardInput=socket",
            "StandardOutput=journal",
            "StandardError=journal",
            "Requires=tracker.socket",
            "Restart=on-failure")
        // Started by the socket, not at login by itself.
        .doesNotContain("[Install]", "WantedBy=default.target");
    assertThat(calls(tracker))
        .containsExactly("--user daemon-reload", "--user enable --now tracker.socket");
    assertThat(report.list("commands"))
        .hasSize(2)
        .last()
        .isEqualTo(List.of("systemctl", "--user", "enable", "--now", "tracker.socket"));

    // Installing plainly afterwards stops the socket unit and removes it first.
    ok(tracker.run("daemon", "install"));
    assertThat(socket).doesNotExist();
    assertThat(calls(tracker).subList(2, 5))
        .containsExactly(
            "--user disable --now tracker.socket",
            "--user daemon-reload",
            "--user enable --now tracker.service");

    // The link 'systemctl enable' made for the plain service (the double makes none): going
    // back to socket activation disables the service first, or it would start at login anyway.
    Path loginLink = unitDir(tracker).resolve("default.target.wants/tracker.service");
    Files.createDirectories(loginLink.getParent());
    Files.createSymbolicLink(loginLink, service);
    ok(tracker.run("daemon", "install", "--socket-activation"));
    assertThat(calls(tracker).subList(5, 8))
        .containsExactly(
            "--user disable tracker.service",
            "--user daemon-reload",
            "--user enable --now tracker.socket");

    CliResult removed = ok(tracker.run("daemon", "uninstall"));
    assertThat(calls(tracker).subList(8, 10))
        .containsExactly(
            "--user disable --now tracker.socket tracker.service", "--user daemon-reload");
    // What systemctl disable would have removed goes too, for when it could not run.
    assertThat(removed.stdout()).contains("Removed " + loginLink);
    assertThat(filesUnder(unitDir(tracker))).isEmpty();
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(path -> !Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .toList();
    }
  }

  @Test
  void theUnitsPassSystemdAnalyzeVerify(CliRunner cli) throws Exception {
    CliResult which = cli.exec("sh", "-c", "command -v systemd-analyze");
    assumeTrue(
        which.exitCode() == 0,
        "systemd-analyze is not installed here: the unit files are not verified by systemd");
    CliRunner tracker = withFakeSystemctl(cli);
    ok(tracker.run("daemon", "install", "--socket-activation"));
    Path dir = unitDir(tracker);

    // --user reads the units as the user manager would; it needs XDG_RUNTIME_DIR, which the
    // runner sets, but no running systemd. It also checks that ExecStart's program is executable.
    CliResult verified =
        tracker.exec(
            "systemd-analyze",
            "verify",
            "--user",
            dir.resolve("tracker.socket").toString(),
            dir.resolve("tracker.service").toString());
    assertThat(verified.exitCode()).as("%s", verified).isZero();
    // Unknown settings are only warned about, with exit 0: no warning may appear.
    assertThat(verified.stdout() + verified.stderr()).as("%s", verified).isEmpty();

    ok(tracker.run("daemon", "install"));
    CliResult plain =
        tracker.exec(
            "systemd-analyze", "verify", "--user", dir.resolve("tracker.service").toString());
    assertThat(plain.exitCode()).as("%s", plain).isZero();
    assertThat(plain.stdout() + plain.stderr()).as("%s", plain).isEmpty();
    ok(tracker.run("daemon", "uninstall"));
  }

  @Test
  void aFailingSystemctlLeavesNoUnitBehind(CliRunner cli) throws Exception {
    CliRunner tracker = withFakeSystemctl(cli);
    Files.writeString(fakeBin(tracker).resolve("fail"), "enable");

    CliResult failed = tracker.run("daemon", "install");

    assertThat(failed.exitCode()).as("%s", failed).isEqualTo(1);
    assertThat(failed.stdout()).isEmpty();
    assertThat(failed.stderr())
        .contains(
            "systemctl --user enable --now tracker.service failed (exit 1): Failed to connect to"
                + " bus: No medium found")
        .contains("undone:", "removed " + unitDir(tracker).resolve("tracker.service"))
        .contains("hint: the systemd user manager must run for you");
    // Not even the directories it made are left.
    assertThat(unitDir(tracker).getParent()).doesNotExist();
    assertThat(calls(tracker))
        .containsExactly(
            "--user daemon-reload",
            "--user enable --now tracker.service",
            "--user disable --now tracker.service",
            "--user daemon-reload");
  }

  @Test
  void withoutSystemctlNothingIsWritten(CliRunner cli) throws Exception {
    // A PATH with only what the launcher needs: no systemctl anywhere on it.
    Path bin = Files.createDirectories(cli.home().resolve("bare-bin"));
    for (String tool : List.of("readlink", "stat")) {
      CliResult found = cli.exec("sh", "-c", "command -v " + tool);
      Files.createSymbolicLink(bin.resolve(tool), Path.of(found.stdout().strip()));
    }
    CliRunner tracker = cli.env("PATH", bin.toString());

    CliResult failed = tracker.run("daemon", "install");

    Projects.fails(failed, 5, "systemctl was not found on PATH; nothing was installed");
    assertThat(unitDir(tracker)).doesNotExist();
    // The dry run needs no systemctl: it is how to install by hand.
    assertThat(ok(tracker.run("daemon", "install", "--dry-run")).stdout())
        .contains("==> " + unitDir(tracker).resolve("tracker.service") + " (mode 0644) <==")
        .contains("Would run: systemctl --user daemon-reload")
        .contains("Would run: systemctl --user enable --now tracker.service");
    assertThat(unitDir(tracker)).doesNotExist();
  }

  @Test
  void theMacosLaunchAgentIsPrintedByADryRun(CliRunner cli) throws Exception {
    JsonObject report =
        ok(cli.run("daemon", "install", "--platform", "macos", "--dry-run", "--json")).object();

    assertThat(report.string("platform")).isEqualTo("macos");
    assertThat(report.bool("dryRun")).isTrue();
    JsonObject file = report.objects("files").get(0);
    Path plist = Path.of(file.string("path"));
    assertThat(plist.toString()).endsWith("/Library/LaunchAgents/dev.tracker.daemon.plist");
    assertThat(plist).doesNotExist();
    assertThat(report.list("commands"))
        .containsExactly(
            List.of("launchctl", "bootstrap", "gui/" + CurrentUser.uid(), plist.toString()));

    Element dict = plistDict(file.string("content"));
    assertThat(value(dict, "Label")).isEqualTo("dev.tracker.daemon");
    List<String> arguments = new ArrayList<>();
    NodeList strings = next(dict, "ProgramArguments").getElementsByTagName("string");
    for (int i = 0; i < strings.getLength(); i++) {
      arguments.add(strings.item(i).getTextContent());
    }
    assertThat(String.join(" ", arguments))
        .isEqualTo(daemonExecutable() + " run --detached" + pathFlags(cli));
    assertThat(next(dict, "RunAtLoad").getTagName()).isEqualTo("true");
    Element keepAlive = next(dict, "KeepAlive");
    assertThat(next(keepAlive, "SuccessfulExit").getTagName()).isEqualTo("false");
    String log = cli.paths().logFile().toString();
    assertThat(value(dict, "StandardErrorPath")).isEqualTo(log);
    assertThat(value(dict, "StandardOutPath")).isEqualTo(log);

    assertThat(
            Projects.fails(
                    cli.run("daemon", "install", "--platform", "macos", "--socket-activation"),
                    2,
                    "--socket-activation is for systemd (Linux)")
                .stderr())
        .contains("hint:");
    Projects.fails(
        cli.run("daemon", "install", "--platform", "beos"), 2, "unknown platform 'beos'");
  }

  private static CliRunner withFakeSystemctl(CliRunner cli) throws IOException {
    Path bin = Files.createDirectories(cli.home().resolve("fake-bin"));
    Path systemctl = bin.resolve("systemctl");
    Files.writeString(systemctl, FAKE_SYSTEMCTL);
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    return cli.env("PATH", bin + ":" + cli.environment().get("PATH"));
  }

  private static Path fakeBin(CliRunner cli) {
    return cli.home().resolve("fake-bin");
  }

  private static List<String> calls(CliRunner cli) throws IOException {
    Path calls = fakeBin(cli).resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private static Path unitDir(CliRunner cli) {
    return Path.of(cli.environment().get("XDG_CONFIG_HOME"), "systemd", "user");
  }

  private static Path daemonExecutable() {
    return CliRunner.distribution().resolve("bin/tracker-daemon").toAbsolutePath().normalize();
  }

  /** The directory flags the service passes: those this CLI resolved, whatever the environment. */
  private static String pathFlags(CliRunner cli) {
    var paths = cli.paths();
    return " --socket "
        + paths.socket()
        + " --runtime-dir "
        + paths.runtimeDir()
        + " --data-dir "
        + paths.dataDir()
        + " --state-dir "
        + paths.stateDir()
        + " --config-dir "
        + paths.configDir();
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** The plist's top-level dict, parsed without fetching its DTD. */
  private static Element plistDict(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("plist");
    return (Element) root.getElementsByTagName("dict").item(0);
  }

  /** The element after {@code <key>name</key>} among {@code dict}'s children. */
  private static Element next(Element dict, String name) {
    NodeList children = dict.getChildNodes();
    boolean found = false;
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element) {
        if (found) {
          return element;
        }
        found = element.getTagName().equals("key") && element.getTextContent().equals(name);
      }
    }
    throw new AssertionError("no key " + name + " in the plist");
  }

  private static String value(Element dict, String name) {
    return next(dict, name).getTextContent();
  }
}
