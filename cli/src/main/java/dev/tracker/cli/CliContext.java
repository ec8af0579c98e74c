package dev.tracker.cli;

import dev.tracker.cli.client.SocketHttpClient;
import dev.tracker.cli.config.ConfigFile;
import dev.tracker.cli.config.ConfigKey;
import dev.tracker.cli.daemon.Api;
import dev.tracker.cli.daemon.DaemonControl;
import dev.tracker.cli.daemon.DaemonStarter;
import dev.tracker.cli.daemon.ProcessDaemonStarter;
import dev.tracker.cli.daemon.VersionCheck;
import dev.tracker.cli.output.Output;
import dev.tracker.cli.output.Style;
import dev.tracker.core.TrackerVersion;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.paths.PathOverrides;
import dev.tracker.core.paths.RuntimePathResolver;
import dev.tracker.core.paths.RuntimePaths;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;

/**
 * What one run of the CLI shares between its command and the layers below: the environment, the
 * output streams, the resolved paths and config, and the one {@link Api} (with the process's only
 * socket client), created on first use and closed when the run ends.
 */
public final class CliContext implements AutoCloseable {
  public static final String NO_AUTOSTART_ENV = "TRACKER_NO_AUTOSTART";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final Environment env;
  private final PrintStream out;
  private final PrintStream err;
  private final Settings settings;
  private RuntimePaths paths;
  private ConfigFile config;
  private Api api;

  /**
   * What tests replace: how a daemon is started, how long starting and stopping may take, and which
   * version this CLI claims to be.
   *
   * @param starter null for the real one ({@code tracker-daemon run --detached})
   */
  public record Settings(
      DaemonStarter starter,
      Duration startTimeout,
      Duration stopTimeout,
      String version,
      int apiVersion) {
    public static final Settings DEFAULTS =
        new Settings(
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(15),
            TrackerVersion.VERSION,
            TrackerVersion.API_VERSION);
  }

  public CliContext(Environment env, PrintStream out, PrintStream err, Settings settings) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.settings = settings;
  }

  public Environment env() {
    return env;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Settings settings() {
    return settings;
  }

  public RuntimePaths paths() {
    if (paths == null) {
      try {
        paths =
            new RuntimePathResolver(env.variables(), env.userHome(), env.uid())
                .resolve(PathOverrides.NONE);
      } catch (TrackerException e) {
        throw CliException.usage(e.getMessage(), null);
      }
    }
    return paths;
  }

  public ConfigFile config() {
    if (config == null) {
      config = new ConfigFile(paths().configFile());
    }
    return config;
  }

  public Output output(boolean json, int verbosity) {
    boolean noColor = env.isSet("NO_COLOR");
    boolean terminal = env.stdoutIsTerminal();
    // The config is read only when it can matter, to keep plain runs from touching the disk.
    String setting = terminal && !noColor && !json ? config().effective(ConfigKey.COLOR) : "never";
    return new Output(
        out,
        err,
        json,
        verbosity,
        Style.decide(terminal, noColor, setting),
        env,
        env.stderrIsTerminal());
  }

  /** Whether a command may start a daemon when none answers. */
  public boolean autoStart() {
    String disabled = env.get(NO_AUTOSTART_ENV);
    if (disabled != null && !disabled.equals("0") && !disabled.equalsIgnoreCase("false")) {
      return false;
    }
    return !"false".equals(config().effective(ConfigKey.DAEMON_AUTOSTART));
  }

  public Api api(Output output) {
    if (api == null) {
      RuntimePaths resolved = paths();
      SocketHttpClient client =
          new SocketHttpClient(
              UnixDomainSocketAddress.of(resolved.socket()), CONNECT_TIMEOUT, READ_TIMEOUT);
      DaemonStarter starter =
          settings.starter() != null
              ? settings.starter()
              : new ProcessDaemonStarter(env, resolved.logFile());
      DaemonControl control =
          new DaemonControl(
              client, resolved, starter, output, settings.startTimeout(), settings.stopTimeout());
      api =
          new Api(
              client,
              control,
              new VersionCheck(settings.version(), settings.apiVersion()),
              autoStart(),
              config().get(ConfigKey.USER_NAME),
              output);
    }
    return api;
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
      api = null;
    }
    out.flush();
    err.flush();
  }
}
