package dev.tracker.core.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentUserTest {
  @Test
  void isTheOwnerOfProcSelfOnLinux() throws Exception {
    Path procSelf = Path.of("/proc/self");
    assumeTrue(Files.exists(procSelf), "needs /proc");
    long expected = ((Number) Files.getAttribute(procSelf, "unix:uid")).longValue();
    assertThat(CurrentUser.uid()).isEqualTo(expected);
  }

  @Test
  void isTheOwnerOfAFileThisProcessCreates(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("probe"));
    long owner;
    try {
      owner = ((Number) Files.getAttribute(file, "unix:uid")).longValue();
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "needs a file system with unix attributes");
      return;
    }
    assertThat(CurrentUser.uid()).isEqualTo(owner).isNotNegative();
  }
}
