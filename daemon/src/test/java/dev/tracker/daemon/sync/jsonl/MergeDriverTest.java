package dev.tracker.daemon.sync.jsonl;

import static dev.tracker.daemon.sync.jsonl.Lines.bytes;
import static dev.tracker.daemon.sync.jsonl.Lines.issue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver on real files, called directly; {@link MergeDriverGitTest} runs it under git. */
class MergeDriverTest {
  @TempDir Path dir;
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  final IssueLine base = issue("trk-a1").labels("keep").updated(1).build();
  final IssueLine ours = Lines.from(base).title("Ours").labels("ours").updated(5).build();
  final IssueLine theirs =
      Lines.from(base).priority(0).withoutLabel("keep").labels("theirs").updated(6).build();

  @Test
  void mergesIntoOursWithTheSameMergeAsTheImport() throws Exception {
    Path b = file("base", List.of(base));
    Path o = file("ours", List.of(ours, issue("trk-o1").build()));
    Path t = file("theirs", List.of(theirs, issue("trk-t1").build()));

    assertThat(MergeDriver.run(b, o, t, err)).isZero();

    assertThat(JsonlCodec.read(Files.readAllBytes(o)))
        .containsExactly(
            Lines.from(base)
                .title("Ours")
                .priority(0)
                .withoutLabel("keep")
                .labels("ours", "theirs")
                .updated(6)
                .build(),
            issue("trk-o1").build(),
            issue("trk-t1").build());
    assertThat(Files.readAllBytes(o))
        .isEqualTo(
            JsonlCodec.write(
                IssueMerge.merge(
                    JsonlCodec.read(Files.readAllBytes(b)),
                    List.of(ours, issue("trk-o1").build()),
                    List.of(theirs, issue("trk-t1").build()))));
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(Files.readAllBytes(t))
        .isEqualTo(JsonlCodec.write(List.of(theirs, issue("trk-t1").build())));
  }

  @Test
  void anEmptyOrMissingBaseMeansNoAncestor() throws Exception {
    Path o = file("ours", List.of(ours));
    Path t = file("theirs", List.of(theirs));
    byte[] oursBefore = Files.readAllBytes(o);
    // No ancestor: scalars from the later side (theirs), labels united.
    IssueLine union = Lines.from(base).priority(0).labels("ours", "theirs").updated(6).build();

    assertThat(MergeDriver.run(file("empty", List.of()), o, t, err)).isZero();
    assertThat(JsonlCodec.read(Files.readAllBytes(o))).containsExactly(union);

    Files.write(o, oursBefore);
    assertThat(MergeDriver.run(dir.resolve("missing"), o, t, err)).isZero();
    assertThat(JsonlCodec.read(Files.readAllBytes(o))).containsExactly(union);
  }

  @Test
  void aConflictMarkerInAnInputLeavesOursUntouchedAndFails() throws Exception {
    Path b = file("base", List.of(base));
    Path o = file("ours", List.of(ours));
    Path t = dir.resolve("theirs");
    String line = Lines.text(JsonlCodec.write(List.of(theirs)));
    Files.write(t, bytes("<<<<<<< HEAD\n" + line + "=======\n" + line + ">>>>>>> other\n"));
    byte[] before = Files.readAllBytes(o);

    assertThat(MergeDriver.run(b, o, t, err)).isEqualTo(1);

    assertThat(Files.readAllBytes(o)).isEqualTo(before);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "tracker-daemon merge-driver: theirs ("
                + t
                + "): git conflict marker at line 1; resolve the conflict, the file is left"
                + " untouched"
                + System.lineSeparator());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("base", "ours", "theirs");
    }
  }

  @Test
  void anInvalidBaseOrOursIsNamedToo() throws Exception {
    Path t = file("theirs", List.of(theirs));
    Path o = file("ours", List.of(ours));
    Path b = dir.resolve("base");
    Files.write(b, bytes(Lines.text(JsonlCodec.write(List.of(base))) + "{\"id\":\"trk-z9\"\n"));

    assertThat(MergeDriver.run(b, o, t, err)).isEqualTo(1);
    assertThat(MergeDriver.run(dir.resolve("nothing"), dir.resolve("gone"), t, err)).isEqualTo(1);

    assertThat(errBytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "tracker-daemon merge-driver: base ("
                + b
                + "): line 2: invalid JSON: Unexpected end-of-input: expected close marker for"
                + " Object",
            "tracker-daemon merge-driver: ours (" + dir.resolve("gone") + ") does not exist");
  }

  private Path file(String name, List<IssueLine> issues) throws Exception {
    Path path = dir.resolve(name);
    Files.write(path, JsonlCodec.write(issues));
    return path;
  }
}
