package dev.tracker.daemon.sync.jsonl;

import static dev.tracker.daemon.sync.jsonl.Lines.bytes;
import static dev.tracker.daemon.sync.jsonl.Lines.issue;
import static dev.tracker.daemon.sync.jsonl.Lines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tracker.core.model.Comment;
import dev.tracker.core.model.Dependency;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.IssueType;
import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;
import dev.tracker.daemon.sync.jsonl.JsonlException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonlCodecTest {
  @TempDir Path dir;

  /** Every field set, with text that needs escaping, on a closed issue. */
  static IssueLine full() {
    return issue("trk-a1b2")
        .title("Crash when the title has \"quotes\", a \\ and ünïcödé 日本語 🐛")
        .description("First line\nsecond line\twith a tab\r\nand CRLF; emoji 🎉, RTL שלום")
        .closed(5, "fixed in 1.2")
        .priority(1)
        .type(IssueType.BUG)
        .assignee("Zoë")
        .labels("ui", "backend", "ui")
        .parent("trk-epic")
        .created(0)
        .updated(5)
        .dependsOn("trk-zz99", DependencyKind.RELATED)
        .dependsOn("trk-0001", DependencyKind.BLOCKS)
        .dependsOn("trk-0001", DependencyKind.DISCOVERED_FROM)
        .comment("c2second0000", "bob", "same time, later id", 3)
        .comment("c1first00000", "alice", "**multi**\nline ☃\n\nbody", 3)
        .comment("c0earliest00", "carol", "earliest", 1)
        .build();
  }

  @Test
  void aFullLineHasFixedKeysInFixedOrder() {
    String expected =
        "{\"id\":\"trk-a1b2\","
            + "\"title\":\"Crash when the title has \\\"quotes\\\", a \\\\ and ünïcödé 日本語 🐛\","
            + "\"description\":\"First line\\nsecond line\\twith a tab\\r\\nand CRLF; emoji 🎉,"
            + " RTL שלום\","
            + "\"status\":\"closed\",\"priority\":1,\"type\":\"bug\",\"assignee\":\"Zoë\","
            + "\"labels\":[\"backend\",\"ui\"],\"parent\":\"trk-epic\","
            + "\"createdAt\":\"2026-03-01T10:00:00.000Z\",\"updatedAt\":\"2026-03-01T10:00:05.000Z\","
            + "\"closedAt\":\"2026-03-01T10:00:05.000Z\",\"closeReason\":\"fixed in 1.2\","
            + "\"dependencies\":[{\"dependsOn\":\"trk-0001\",\"kind\":\"blocks\"},"
            + "{\"dependsOn\":\"trk-0001\",\"kind\":\"discovered-from\"},"
            + "{\"dependsOn\":\"trk-zz99\",\"kind\":\"related\"}],"
            + "\"comments\":["
            + "{\"id\":\"c0earliest00\",\"author\":\"carol\",\"body\":\"earliest\","
            + "\"createdAt\":\"2026-03-01T10:00:01.000Z\"},"
            + "{\"id\":\"c1first00000\",\"author\":\"alice\",\"body\":\"**multi**\\nline ☃\\n\\nbody\","
            + "\"createdAt\":\"2026-03-01T10:00:03.000Z\"},"
            + "{\"id\":\"c2second0000\",\"author\":\"bob\",\"body\":\"same time, later id\","
            + "\"createdAt\":\"2026-03-01T10:00:03.000Z\"}]}\n";

    assertThat(text(JsonlCodec.write(List.of(full())))).isEqualTo(expected);
  }

  @Test
  void absentValuesAndEmptyListsAreLeftOut() {
    IssueLine minimal = issue("trk-m1").build();

    assertThat(text(JsonlCodec.write(List.of(minimal))))
        .isEqualTo(
            "{\"id\":\"trk-m1\",\"title\":\"Issue trk-m1\",\"status\":\"open\",\"priority\":2,"
                + "\"type\":\"task\",\"createdAt\":\"2026-03-01T10:00:00.000Z\","
                + "\"updatedAt\":\"2026-03-01T10:00:00.000Z\"}\n");
  }

  @Test
  void aTombstoneCarriesItsDeletedAt() {
    assertThat(text(JsonlCodec.write(List.of(issue("trk-d1").deleted(9).build()))))
        .contains(
            "\"updatedAt\":\"2026-03-01T10:00:09.000Z\",\"deletedAt\":\"2026-03-01T10:00:09.000Z\"}");
  }

  @Test
  void timesAreFixedWidthUtcWithMilliseconds() {
    IssueLine line =
        issue("trk-t1")
            .created(Instant.parse("2026-03-01T10:00:00Z"))
            .updated(Instant.parse("2026-12-31T23:59:59.123456789Z"))
            .build();

    String written = text(JsonlCodec.write(List.of(line)));

    assertThat(written)
        .contains("\"createdAt\":\"2026-03-01T10:00:00.000Z\"")
        .contains("\"updatedAt\":\"2026-12-31T23:59:59.123Z\"");
    assertThat(line.updatedAt()).isEqualTo(Instant.parse("2026-12-31T23:59:59.123Z"));
  }

  @Test
  void writingIsDeterministicAndSortedById() {
    List<IssueLine> issues =
        new ArrayList<>(
            List.of(
                full(),
                issue("trk-0zzz").build(),
                issue("trk-b000").labels("x").build(),
                issue("abc-1234").build()));
    byte[] first = JsonlCodec.write(issues);
    Collections.reverse(issues);
    byte[] second = JsonlCodec.write(issues);
    byte[] third = JsonlCodec.write(new HashSet<>(issues));

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    String[] lines = text(first).split("\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[4]).isEmpty();
    assertThat(Stream.of(lines).limit(4).map(l -> l.substring(0, l.indexOf("\","))).toList())
        .containsExactly(
            "{\"id\":\"abc-1234", "{\"id\":\"trk-0zzz", "{\"id\":\"trk-a1b2", "{\"id\":\"trk-b000");
  }

  @Test
  void everyFieldRoundTripsExactlyThroughARealFile() throws Exception {
    List<IssueLine> issues =
        List.of(full(), issue("trk-d1").deleted(9).labels("gone").build(), issue("trk-m1").build());
    Path file = dir.resolve("issues.jsonl");
    Files.write(file, JsonlCodec.write(issues));

    byte[] content = Files.readAllBytes(file);
    List<IssueLine> read = JsonlCodec.read(content);

    assertThat(read).containsExactlyElementsOf(sortedById(issues));
    assertThat(JsonlCodec.write(read)).isEqualTo(content);
  }

  @Test
  void theCollectionsAreCanonical() {
    IssueLine line = full();

    assertThat(line.labels()).containsExactly("backend", "ui");
    assertThat(line.dependencies())
        .extracting(d -> d.dependsOn() + " " + d.kind().wire())
        .containsExactly("trk-0001 blocks", "trk-0001 discovered-from", "trk-zz99 related");
    assertThat(line.comments())
        .extracting(CommentLine::id)
        .containsExactly("c0earliest00", "c1first00000", "c2second0000");
  }

  @Test
  void convertsFromAndToTheCoreModel() {
    IssueLine line = full();
    Issue issue = line.toIssue("trk", 7);

    assertThat(issue.project()).isEqualTo("trk");
    assertThat(issue.version()).isEqualTo(7);
    assertThat(issue.labels()).containsExactly("backend", "ui");
    List<Dependency> dependencies = new ArrayList<>(line.toDependencies());
    dependencies.add(new Dependency("trk-a1b2", "trk-epic", DependencyKind.PARENT_CHILD));
    List<Comment> comments = line.toComments();
    assertThat(comments).allMatch(c -> c.issueId().equals("trk-a1b2"));

    assertThat(IssueLine.of(issue, dependencies, comments)).isEqualTo(line);
    assertThatThrownBy(
            () ->
                IssueLine.of(
                    issue,
                    List.of(new Dependency("trk-other", "trk-0001", DependencyKind.BLOCKS)),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyFileHoldsNoIssues() throws Exception {
    assertThat(JsonlCodec.read(new byte[0])).isEmpty();
    assertThat(JsonlCodec.write(List.of())).isEmpty();
  }

  @Test
  void aCompleteLastLineWithoutItsNewlineIsAccepted() throws Exception {
    String line = text(JsonlCodec.write(List.of(issue("trk-m1").build()))).strip();

    assertThat(JsonlCodec.read(bytes(line))).containsExactly(issue("trk-m1").build());
  }

  @Test
  void valuesAreNormalisedAsTheApiNormalisesThem() throws Exception {
    String line =
        valid("trk-m1")
            .replace(
                "\"title\":\"Issue trk-m1\"", "\"title\":\"  Padded  \",\"description\":\"  \"")
            .replace("\"priority\":2", "\"priority\":\"high\"");

    IssueLine read = JsonlCodec.read(bytes(line + "\n")).get(0);

    assertThat(read.title()).isEqualTo("Padded");
    assertThat(read.description()).isNull();
    assertThat(read.priority()).isEqualTo(Priority.HIGH);
  }

  static Stream<Arguments> badFiles() {
    String a = valid("trk-a1");
    String b = valid("trk-b2");
    String c = valid("trk-c3");
    String withComment = text(JsonlCodec.write(List.of(full()))).strip();
    return Stream.of(
        bad(
            "conflict marker, ours",
            a + "\n<<<<<<< HEAD\n" + b + "\n",
            Kind.CONFLICT_MARKER,
            2,
            "git conflict marker at line 2; resolve the conflict, the file is left untouched"),
        bad(
            "conflict marker, separator",
            a + "\n" + b + "\n=======\n" + c + "\n",
            Kind.CONFLICT_MARKER,
            3,
            "git conflict marker at line 3"),
        bad(
            "conflict marker, theirs",
            a + "\n>>>>>>> feature\n",
            Kind.CONFLICT_MARKER,
            2,
            "git conflict marker at line 2"),
        bad(
            "conflict marker, diff3 base",
            "||||||| merged common ancestors\n" + a + "\n",
            Kind.CONFLICT_MARKER,
            1,
            "git conflict marker at line 1"),
        bad(
            "conflict marker after an invalid line",
            "{oops\n" + a + "\n<<<<<<< HEAD\n",
            Kind.CONFLICT_MARKER,
            3,
            "git conflict marker at line 3"),
        bad(
            "truncated last line",
            a + "\n" + b.substring(0, b.length() / 2),
            Kind.TRUNCATED,
            2,
            "line 2: truncated: the last line has no newline and its JSON stops early"),
        bad(
            "truncated before the closing brace",
            a + "\n" + b.substring(0, b.length() - 1),
            Kind.TRUNCATED,
            2,
            "truncated"),
        bad(
            "invalid JSON",
            a + "\n" + b + "\n{\"id\": trk-c3}\n",
            Kind.INVALID_JSON,
            3,
            "line 3: invalid JSON: Unrecognized token"),
        bad(
            "an incomplete line that has its newline",
            b.substring(0, 30) + "\n" + a + "\n",
            Kind.INVALID_JSON,
            1,
            "line 1: invalid JSON: Unexpected end-of-input"),
        bad("not an object", a + "\n[1, 2]\n", Kind.INVALID_JSON, 2, "line 2: not a JSON object"),
        bad("two objects on a line", a + " " + b + "\n", Kind.INVALID_JSON, 1, "invalid JSON"),
        bad(
            "a key twice",
            a.replace("{\"id\":\"trk-a1\"", "{\"id\":\"trk-a1\",\"id\":\"trk-x1\""),
            Kind.INVALID_JSON,
            1,
            "Duplicate Object property \"id\""),
        bad(
            "unknown field",
            a + "\n" + b.replace("\"title\"", "\"severity\":3,\"title\"") + "\n",
            Kind.UNKNOWN_FIELD,
            2,
            "line 2: unknown field 'severity' (a newer tracker may have"),
        bad(
            "unknown field in a comment",
            withComment.replace("\"author\":\"bob\"", "\"author\":\"bob\",\"likes\":2") + "\n",
            Kind.UNKNOWN_FIELD,
            1,
            "unknown field 'comments[2].likes'"),
        bad(
            "duplicate id",
            a + "\n" + b + "\n" + a + "\n",
            Kind.DUPLICATE_ID,
            3,
            "line 3: duplicate id trk-a1 (lines 1 and 3)"),
        bad("blank line", a + "\n\n" + b + "\n", Kind.BLANK_LINE, 2, "line 2: blank line"),
        bad("blank line at the end", a + "\n" + b + "\n\n", Kind.BLANK_LINE, 3, "blank line"),
        bad("only spaces", a + "\n   \n", Kind.BLANK_LINE, 2, "blank line"),
        bad(
            "title too long",
            b.replace("Issue trk-b2", "x".repeat(501)),
            Kind.INVALID_VALUE,
            1,
            "line 1: title: must be at most 500 characters (got 501)"),
        bad(
            "blank title",
            a + "\n" + b.replace("Issue trk-b2", " "),
            Kind.INVALID_VALUE,
            2,
            "line 2: title: must not be blank"),
        bad(
            "title missing",
            b.replace("\"title\":\"Issue trk-b2\",", ""),
            Kind.INVALID_VALUE,
            1,
            "title: is required"),
        bad(
            "unknown status",
            b.replace("\"open\"", "\"done\""),
            Kind.INVALID_VALUE,
            1,
            "status: unknown value 'done'"),
        bad(
            "priority out of range",
            b.replace("\"priority\":2", "\"priority\":7"),
            Kind.INVALID_VALUE,
            1,
            "priority: must be 0 to 4"),
        bad(
            "bad label",
            b.replace("\"type\"", "\"labels\":[\"-nope\"],\"type\""),
            Kind.INVALID_VALUE,
            1,
            "labels: label '-nope' must start with a letter or digit"),
        bad(
            "bad time",
            b.replace("\"2026-03-01T10:00:00.000Z\",\"updatedAt\"", "\"yesterday\",\"updatedAt\""),
            Kind.INVALID_VALUE,
            1,
            "createdAt: 'yesterday' is not a UTC time"),
        bad(
            "time below milliseconds",
            b.replace("\"2026-03-01T10:00:00.000Z\"}", "\"2026-03-01T10:00:00.000001Z\"}"),
            Kind.INVALID_VALUE,
            1,
            "updatedAt: '2026-03-01T10:00:00.000001Z' is more precise"),
        bad(
            "updatedAt missing",
            b.replace(",\"updatedAt\":\"2026-03-01T10:00:00.000Z\"", ""),
            Kind.INVALID_VALUE,
            1,
            "updatedAt: is required"),
        bad(
            "malformed id",
            b.replace("trk-b2", "TRK B2"),
            Kind.INVALID_VALUE,
            1,
            "id: 'TRK B2' is not an issue id"),
        bad(
            "parent-child as a dependency",
            withComment.replace("\"kind\":\"related\"", "\"kind\":\"parent-child\"") + "\n",
            Kind.INVALID_VALUE,
            1,
            "dependencies[2].kind: parent-child is written as the issue's parent field"),
        bad(
            "blank comment body",
            withComment.replace("\"body\":\"earliest\"", "\"body\":\" \"") + "\n",
            Kind.INVALID_VALUE,
            1,
            "comments[0].body: must not be blank"),
        bad(
            "comment without author",
            withComment.replace("\"author\":\"carol\",", "") + "\n",
            Kind.INVALID_VALUE,
            1,
            "comments[0].author: is required"));
  }

  private static Arguments bad(String name, String content, Kind kind, int line, String message) {
    return Arguments.of(name, content, kind, line, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadLineIsNamedWithItsNumber(
      String name, String content, Kind kind, int line, String message) {
    JsonlException e =
        catchThrowableOfType(JsonlException.class, () -> JsonlCodec.read(bytes(content)));

    assertThat(e).as(name).isNotNull();
    assertThat(e.kind()).as(name).isEqualTo(kind);
    assertThat(e.line()).as(name).isEqualTo(line);
    assertThat(e.getMessage()).as(name).contains(message);
    assertThat(e.getMessage())
        .as(name)
        .startsWith(
            kind == Kind.CONFLICT_MARKER
                ? "git conflict marker at line " + line
                : "line " + line + ": ");
    assertThat(e.getMessage()).as(name).doesNotContain("\n");
    assertThat(e.reason()).as(name).isNotBlank().doesNotContain("\n");
  }

  @Test
  void notUtf8() {
    byte[] content = bytes(valid("trk-a1") + "\n" + "{\"id\":\"trk-x\"}\n");
    content[content.length - 5] = (byte) 0xff;

    JsonlException e = catchThrowableOfType(JsonlException.class, () -> JsonlCodec.read(content));

    assertThat(e.kind()).isEqualTo(Kind.INVALID_JSON);
    assertThat(e.getMessage()).isEqualTo("line 2: not valid UTF-8");
  }

  @Test
  void writingRefusesTwoIssuesWithOneId() {
    assertThatThrownBy(
            () ->
                JsonlCodec.write(
                    List.of(issue("trk-a1").build(), issue("trk-a1").title("x").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trk-a1");
  }

  @Test
  void theStatusEnumsTravelByTheirWireNames() throws Exception {
    IssueLine line =
        issue("trk-s1").status(Status.IN_PROGRESS).priority(0).type(IssueType.FEATURE).build();

    String written = text(JsonlCodec.write(List.of(line)));

    assertThat(written).contains("\"status\":\"in_progress\",\"priority\":0,\"type\":\"feature\"");
    assertThat(JsonlCodec.read(bytes(written))).containsExactly(line);
  }

  static String valid(String id) {
    return text(JsonlCodec.write(List.of(issue(id).build()))).strip();
  }

  private static List<IssueLine> sortedById(List<IssueLine> issues) {
    return issues.stream().sorted(Comparator.comparing(IssueLine::id)).toList();
  }
}
