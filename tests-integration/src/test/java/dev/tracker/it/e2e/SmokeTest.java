package dev.tracker.it.e2e;

import static dev.tracker.it.e2e.Projects.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.it.harness.CliRunner;
import dev.tracker.it.harness.CliTest;
import org.junit.jupiter.api.Test;

@CliTest
class SmokeTest {
  @Test
  void smoke(CliRunner cli) {
    CliRunner repo = Projects.initRepo(cli, "proj", "trk");
    long t0 = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      ok(repo.run("create", "issue " + i, "-q"));
    }
    System.err.println("5 creates: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    assertThat(ok(repo.run("list", "--json")).objects()).hasSize(5);
  }
}
