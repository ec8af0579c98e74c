package dev.tracker.cli.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daemon as a launchd agent of the user: {@code
 * ~/Library/LaunchAgents/dev.tracker.daemon.plist} starts it at login ({@code RunAtLoad}) and again
 * when it fails ({@code KeepAlive} unless it exited successfully, as it does when asked to stop).
 * It runs as the CLI starts it, {@code --detached}, with its output appended to the daemon log in
 * the state directory.
 */
public final class LaunchAgent {
  public static final String LABEL = "dev.tracker.daemon";

  private final Path plist;
  private final long uid;

  public LaunchAgent(Path home, long uid) {
    this.plist = home.resolve("Library/LaunchAgents").resolve(LABEL + ".plist");
    this.uid = uid;
  }

  public Path plist() {
    return plist;
  }

  private String domain() {
    return "gui/" + uid;
  }

  public ServicePlan install(DaemonLaunch launch, Path logFile) {
    List<ServiceStep> before = new ArrayList<>();
    if (Files.exists(plist)) {
      // A loaded agent must be unloaded before its new definition can be loaded.
      before.add(ServiceStep.tolerant("bootout", domain() + "/" + LABEL));
    }
    return new ServicePlan(
        ServicePlatform.MACOS,
        before,
        List.of(new ServiceFile(plist, render(launch, logFile))),
        List.of(),
        List.of(ServiceStep.of("bootstrap", domain(), plist.toString())),
        List.of(ServiceStep.tolerant("bootout", domain() + "/" + LABEL)));
  }

  public ServicePlan uninstall() {
    if (!Files.exists(plist)) {
      return new ServicePlan(
          ServicePlatform.MACOS, List.of(), List.of(), List.of(), List.of(), List.of());
    }
    // Not loaded (never bootstrapped, or booted out already) is fine: the file goes either way.
    return new ServicePlan(
        ServicePlatform.MACOS,
        List.of(ServiceStep.tolerant("bootout", domain() + "/" + LABEL)),
        List.of(),
        List.of(plist),
        List.of(),
        List.of());
  }

  /** The program the installed agent starts (its first ProgramArguments string), or null. */
  public Path installedExecutable() throws IOException {
    if (!Files.exists(plist)) {
      return null;
    }
    String xml = Files.readString(plist, StandardCharsets.UTF_8);
    int key = xml.indexOf("<key>ProgramArguments</key>");
    int start = key < 0 ? -1 : xml.indexOf("<string>", key);
    int end = start < 0 ? -1 : xml.indexOf("</string>", start);
    if (end < 0) {
      return null;
    }
    return Path.of(
        xml.substring(start + "<string>".length(), end)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"));
  }

  static String render(DaemonLaunch launch, Path logFile) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append(
        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
            + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
    xml.append(
        "<!-- Written by 'tracker daemon install'; 'tracker daemon uninstall' removes it."
            + " -->\n");
    xml.append("<plist version=\"1.0\">\n<dict>\n");
    key(xml, "Label").append("  <string>").append(LABEL).append("</string>\n");
    key(xml, "ProgramArguments").append("  <array>\n");
    for (String word : launch.command()) {
      xml.append("    <string>").append(escape(word)).append("</string>\n");
    }
    xml.append("  </array>\n");
    if (!launch.environment().isEmpty()) {
      key(xml, "EnvironmentVariables").append("  <dict>\n");
      for (Map.Entry<String, String> variable : launch.environment().entrySet()) {
        xml.append("    <key>").append(escape(variable.getKey())).append("</key>\n");
        xml.append("    <string>").append(escape(variable.getValue())).append("</string>\n");
      }
      xml.append("  </dict>\n");
    }
    key(xml, "RunAtLoad").append("  <true/>\n");
    key(xml, "KeepAlive").append("  <dict>\n");
    xml.append("    <key>SuccessfulExit</key>\n    <false/>\n  </dict>\n");
    key(xml, "ProcessType").append("  <string>Background</string>\n");
    key(xml, "StandardOutPath")
        .append("  <string>")
        .append(escape(logFile.toString()))
        .append("</string>\n");
    key(xml, "StandardErrorPath")
        .append("  <string>")
        .append(escape(logFile.toString()))
        .append("</string>\n");
    xml.append("</dict>\n</plist>\n");
    return xml.toString();
  }

  private static StringBuilder key(StringBuilder xml, String name) {
    return xml.append("  <key>").append(name).append("</key>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
