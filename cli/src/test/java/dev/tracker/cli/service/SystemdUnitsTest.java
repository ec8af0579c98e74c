package dev.tracker.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracker.cli.daemon.DaemonExecutable;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitsTest {
  @TempDir Path dir;

  @Test
  void plainWordsStayAsTheyAreAndOthersAreQuotedAndEscaped() {
    assertThat(SystemdUnits.execLine(List.of("/opt/tracker/bin/tracker-daemon", "run")))
        .isEqualTo("/opt/tracker/bin/tracker-daemon run");
    assertThat(SystemdUnits.quoted("/home/a b/x", true)).isEqualTo("\"/home/a b/x\"");
    // % starts a specifier and $ a variable in ExecStart=: both doubled, quoted or not.
    assertThat(SystemdUnits.quoted("/data/100%", true)).isEqualTo("\"/data/100%%\"");
    assertThat(SystemdUnits.quoted("/a$HOME", true)).isEqualTo("\"/a$$HOME\"");
    assertThat(SystemdUnits.quoted("/a$HOME", false)).isEqualTo("\"/a$HOME\"");
    assertThat(SystemdUnits.quoted("say \"hi\" \\o/", true)).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
  }

  @Test
  void theProgramsPathIsNotSubjectToVariablesButItsArgumentsAre() {
    assertThat(SystemdUnits.execLine(List.of("/opt/$x/t", "/a$b")))
        .isEqualTo("\"/opt/$x/t\" \"/a$$b\"");
  }

  @Test
  void theFirstWordReadsBackWhatWasWritten() {
    for (String path : List.of("/opt/t/bin/tracker-daemon", "/a b/c%d/e$f/g~h")) {
      String line = SystemdUnits.execLine(List.of(path, "run", "--socket", "/x y"));
      assertThat(SystemdUnits.firstWord(line)).isEqualTo(path);
    }
  }

  @Test
  void aProgramPathSystemdRefusesIsRefusedBeforeAnythingIsWritten() {
    SystemdUnits units = new SystemdUnits(dir.resolve("systemd/user"));
    for (String path : List.of("/opt/it's/tracker-daemon", "/opt/a\"b/t", "/opt/a\\b/t")) {
      DaemonLaunch launch = new DaemonLaunch(Path.of(path), List.of("run"), Map.of());
      assertThatThrownBy(() -> units.install(launch, dir.resolve("s.sock"), false))
          .hasMessageContaining("systemd cannot start a program whose path holds quotes")
          .hasMessageContaining(path);
    }
    assertThat(dir.resolve("systemd")).doesNotExist();
  }

  @Test
  void anInstalledUnitNamesTheProgramItStarts() throws Exception {
    SystemdUnits units = new SystemdUnits(dir.resolve("systemd/user"));
    assertThat(units.installedExecutable()).isNull();
    Path program = dir.resolve("odd dir 100%/bin/tracker-daemon");
    DaemonLaunch launch = new DaemonLaunch(program, List.of("run"), Map.of("PATH", "/usr/bin"));
    Files.createDirectories(units.service().getParent());
    Files.writeString(units.service(), SystemdUnits.serviceUnit(launch, false));
    assertThat(units.installedExecutable()).isEqualTo(program);
  }

  /**
   * systemd reads the quoting back: verify fails ("is not executable") unless the path it parsed
   * from ExecStart= is the odd one the program really lives at.
   */
  @Test
  void systemdReadsAnOddPathBack() throws Exception {
    Path analyze =
        DaemonExecutable.onPath(
            new dev.tracker.cli.Environment(
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin")),
                dir,
                dir,
                null,
                0,
                false,
                false,
                System.in),
            "systemd-analyze");
    assumeTrue(analyze != null, "systemd-analyze is not installed: the quoting is not verified");
    Path program = dir.resolve("odd dir 100%/$HOME/tracker-daemon");
    Files.createDirectories(program.getParent());
    Files.writeString(program, "#!/bin/sh\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path unit = dir.resolve("tracker.service");
    Files.writeString(
        unit,
        SystemdUnits.serviceUnit(
            new DaemonLaunch(
                program, List.of("run", "--socket", "/run/a \"b\" $c 100%.sock"), Map.of()),
            false));
    Path runtime = Files.createDirectories(dir.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    Path output = dir.resolve("verify.out");
    ProcessBuilder builder =
        new ProcessBuilder(analyze.toString(), "verify", "--user", unit.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(output.toFile())
            .redirectErrorStream(true);
    builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    Process process = builder.start();
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    String said = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(said).isZero();
    assertThat(said).isEmpty();
  }
}
