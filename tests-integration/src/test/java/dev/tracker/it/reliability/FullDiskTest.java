package dev.tracker.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.paths.RuntimePaths;
import dev.tracker.daemon.lifecycle.Daemon;
import dev.tracker.daemon.lifecycle.DaemonOptions;
import dev.tracker.daemon.sync.SyncSettings;
import dev.tracker.it.harness.Api;
import dev.tracker.it.harness.DaemonExtension;
import dev.tracker.it.harness.LeakExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The data directory on a disk that fills up (an 8 MiB tmpfs, filled with a file): writes fail with
 * a clear 507, reads go on, the sync export fails without touching the file it would replace, and
 * once space returns nothing is corrupt, every write that was answered 2xx is there and every write
 * answered 507 is not.
 */
@ExtendWith(LeakExtension.class)
class FullDiskTest {
  private static final String DESCRIPTION = "x".repeat(4_000);

  private Path home;
  private ScratchTmpfs disk;
  private Daemon daemon;
  private Api api;

  @AfterEach
  void cleanUp() throws Exception {
    try {
      if (api != null) {
        api.close();
      }
      if (daemon != null) {
        daemon.close();
      }
    } finally {
      try {
        if (disk != null) {
          disk.close();
        }
      } finally {
        if (home != null) {
          try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    }
  }

  @Test
  void writesGet507ReadsGoOnAndNothingIsLostOrCorruptOnceSpaceReturns() throws Exception {
    home = Files.createTempDirectory(Path.of("/tmp"), "trk-disk-");
    // Room for SQLite's WAL to reach its checkpoint (1,000 pages, 4 MB): on a smaller disk it fills
    // the disk by itself and no write succeeds until the daemon restarts.
    disk = ScratchTmpfs.mount(home.resolve("data"), "8m");
    RuntimePaths paths = DaemonExtension.pathsUnder(home);
    // Sync only when asked, so that the export below is the one that meets the full disk.
    daemon = Daemon.start(DaemonOptions.defaults(paths).withSync(SyncSettings.DISABLED));
    api = new Api(paths.socket());
    Path repo = Files.createDirectories(disk.dir().resolve("repo"));
    assertThat(
            api.post("/v1/projects", Map.of("key", "disk", "name", "Disk", "root", repo.toString()))
                .status())
        .isEqualTo(201);
    Set<String> saved = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      saved.add(create("before-" + i, 201));
    }
    assertThat(sync().get("exported").asBoolean()).isTrue();
    Path file = repo.resolve(".tracker/issues.jsonl");
    byte[] exported = Files.readAllBytes(file);
    saved.add(create("before-4", 201));

    long filler = fill(disk.dir().resolve("filler"));

    // Writes until the disk refuses them: the WAL may still have room for a few.
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 200 && refused.size() < 5; i++) {
      String title = "while-full-" + i;
      Api.Reply reply = api.post("/v1/projects/disk/issues", issue(title));
      if (reply.status() == 201) {
        saved.add(title);
        continue;
      }
      assertThat(reply.status()).as(reply.toString()).isEqualTo(507);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
      JsonNode problem = reply.json();
      assertThat(problem.get("code").asString()).isEqualTo("insufficient_storage");
      assertThat(problem.get("detail").asString()).contains(paths.dataDir().toString());
      refused.add(title);
    }
    assertThat(refused).as("writes refused with 507 on the full disk").hasSize(5);

    // Reads go on.
    assertThat(titles()).containsExactlyInAnyOrderElementsOf(saved);
    assertThat(api.get("/v1/health").status()).isEqualTo(200);
    // The export cannot write its new file; the old one stays whole, and status says why.
    JsonNode failedSync = sync();
    assertThat(failedSync.get("exported").asBoolean()).isFalse();
    assertThat(failedSync.get("error").asString()).contains("No space left on device");
    assertThat(Files.readAllBytes(file)).isEqualTo(exported);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("temporary files left")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
    assertThat(syncState().get("lastError").asString()).contains("No space left on device");

    // Space returns: writes succeed again, on every connection of the pool (4), and the export
    // catches up.
    Files.delete(disk.dir().resolve("filler"));
    for (int i = 1; i <= 6; i++) {
      saved.add(create("after-" + i, 201));
    }
    assertThat(sync().get("exported").asBoolean()).isTrue();
    String content = Files.readString(file);
    saved.forEach(title -> assertThat(content).contains("\"" + title + "\""));
    refused.forEach(title -> assertThat(content).doesNotContain("\"" + title + "\""));
    assertThat(titles()).containsExactlyInAnyOrderElementsOf(saved);
    assertThat(syncState().has("lastError"))
        .as("the error is cleared once an export succeeds: " + syncState())
        .isFalse();

    api.close();
    api = null;
    daemon.close();
    daemon = null;
    assertThat(integrityCheck(paths.database())).isEqualTo("ok");
    System.out.printf(
        "[reliability] full disk: 8 MiB tmpfs, %d KiB of filler; %d writes saved while full"
            + " before the first 507; %d refused; integrity_check ok%n",
        filler / 1024,
        saved.stream().filter(title -> title.startsWith("while-full-")).count(),
        refused.size());
  }

  private String create(String title, int expected) {
    Api.Reply reply = api.post("/v1/projects/disk/issues", issue(title));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
    return title;
  }

  private static Map<String, Object> issue(String title) {
    return Map.of("title", title, "description", DESCRIPTION);
  }

  private JsonNode sync() {
    Api.Reply reply = api.post("/v1/projects/disk/sync", null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode syncState() {
    return api.get("/v1/status").json().get("sync").get(0);
  }

  private List<String> titles() {
    Api.Reply reply = api.get("/v1/projects/disk/issues?limit=1000");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> titles = new ArrayList<>();
    reply.json().get("items").forEach(item -> titles.add(item.get("title").asString()));
    return titles;
  }

  /** Writes {@code file} until the disk is full; returns its size. */
  private static long fill(Path file) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 1_000; i++) {
        out.write(chunk);
        out.flush();
        written += chunk.length;
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
      return written;
    }
    throw new AssertionError("an 8 MiB disk took 64 MB without filling up");
  }

  private static String integrityCheck(Path database) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      return result.getString(1);
    }
  }
}
