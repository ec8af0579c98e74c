package dev.tracker.daemon.sync.jsonl;

import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.Validation;
import dev.tracker.daemon.JsonPaths;
import dev.tracker.daemon.sync.jsonl.JsonlException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads and writes {@code .tracker/issues.jsonl}: one issue per line, sorted by id, keys in a fixed
 * order, so that git diffs and merges stay small. See {@code docs/sync.md} for the format.
 *
 * <p>{@link #write} is deterministic: the same issues give the same bytes, whatever order they come
 * in. {@link #read} is strict and stops at the first bad line with a {@link JsonlException} naming
 * it, so that a file it cannot fully understand is never half-imported and then overwritten.
 */
public final class JsonlCodec {
  private static final Pattern ISSUE_ID = Pattern.compile("[a-z][a-z0-9]*-[0-9a-z]+");
  private static final Pattern COMMENT_ID = Pattern.compile("[0-9a-z]+");
  private static final int ID_MAX_CHARS = 64;
  private static final String[] CONFLICT_MARKERS = {"<<<<<<<", "|||||||", "=======", ">>>>>>>"};

  /** Compact output, strict input; times through {@link InstantText}. Thread-safe. */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .addModule(
              new SimpleModule("tracker-jsonl")
                  .addSerializer(Instant.class, new InstantText.Serializer())
                  .addDeserializer(Instant.class, new InstantText.Deserializer()))
          .build();

  private JsonlCodec() {}

  /**
   * The file content for {@code issues}: sorted by id, one compact JSON object per line, each line
   * ending in {@code \n}, UTF-8. No issues give an empty file.
   *
   * @throws IllegalArgumentException if an issue has no id or two issues share one
   */
  public static byte[] write(Collection<IssueLine> issues) {
    List<IssueLine> sorted = new ArrayList<>(issues);
    for (IssueLine issue : sorted) {
      if (issue.id() == null) {
        throw new IllegalArgumentException("an issue without an id cannot be written");
      }
    }
    sorted.sort(Comparator.comparing(IssueLine::id));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * sorted.size());
    String previous = null;
    for (IssueLine issue : sorted) {
      if (issue.id().equals(previous)) {
        throw new IllegalArgumentException("two issues with id " + previous);
      }
      previous = issue.id();
      out.writeBytes(MAPPER.writeValueAsBytes(issue));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * The issues in {@code content}, sorted by id, each validated by the rules the API applies. An
   * empty file holds no issues.
   *
   * @throws JsonlException at the first line that is a git conflict marker (looked for first,
   *     anywhere in the file), blank, not one JSON object, cut short, has an unknown field or an
   *     invalid value, or repeats an id
   */
  public static List<IssueLine> read(byte[] content) throws JsonlException {
    List<int[]> lines = split(content);
    for (int i = 0; i < lines.size(); i++) {
      if (isConflictMarker(content, lines.get(i))) {
        throw JsonlException.conflictMarker(i + 1);
      }
    }
    boolean terminated = content.length == 0 || content[content.length - 1] == '\n';
    Map<String, Integer> seen = new HashMap<>();
    List<IssueLine> issues = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      boolean unterminated = !terminated && i == lines.size() - 1;
      String text = decode(content, lines.get(i), number);
      if (text.isBlank()) {
        throw new JsonlException(Kind.BLANK_LINE, number, "blank line; every line holds one issue");
      }
      IssueLine issue = parse(text, number, unterminated);
      try {
        issue = validate(issue);
      } catch (TrackerException e) {
        throw new JsonlException(Kind.INVALID_VALUE, number, e.getMessage());
      }
      Integer earlier = seen.putIfAbsent(issue.id(), number);
      if (earlier != null) {
        throw new JsonlException(
            Kind.DUPLICATE_ID,
            number,
            "duplicate id " + issue.id() + " (lines " + earlier + " and " + number + ")");
      }
      issues.add(issue);
    }
    issues.sort(Comparator.comparing(IssueLine::id));
    return List.copyOf(issues);
  }

  /**
   * {@code issue} checked by the rules the API applies, with values normalised the way the API
   * normalises them (titles stripped, a blank description absent).
   *
   * @throws TrackerException naming the field, for example {@code comments[2].body}
   */
  static IssueLine validate(IssueLine issue) {
    String id = issueId("id", issue.id());
    String title = Validation.title(issue.title());
    String description = Validation.description(issue.description());
    required("status", issue.status());
    required("priority", issue.priority());
    required("type", issue.type());
    String assignee =
        issue.assignee() == null ? null : Validation.name("assignee", issue.assignee());
    List<String> labels = Validation.labels(issue.labels());
    String parent = issue.parent() == null ? null : issueId("parent", issue.parent());
    if (id.equals(parent)) {
      throw TrackerException.invalid("parent", "an issue cannot be its own parent");
    }
    required("createdAt", issue.createdAt());
    required("updatedAt", issue.updatedAt());
    String closeReason = Validation.closeReason(issue.closeReason());
    for (int i = 0; i < issue.dependencies().size(); i++) {
      DependencyLine dependency = issue.dependencies().get(i);
      String path = "dependencies[" + i + "]";
      String target = issueId(path + ".dependsOn", dependency.dependsOn());
      if (target.equals(id)) {
        throw TrackerException.invalid(path + ".dependsOn", "an issue cannot depend on itself");
      }
      required(path + ".kind", dependency.kind());
      if (dependency.kind() == DependencyKind.PARENT_CHILD) {
        throw TrackerException.invalid(
            path + ".kind", "parent-child is written as the issue's parent field");
      }
    }
    Set<String> commentIds = new HashSet<>();
    List<CommentLine> comments = new ArrayList<>();
    for (int i = 0; i < issue.comments().size(); i++) {
      CommentLine comment = issue.comments().get(i);
      String path = "comments[" + i + "]";
      String commentId = required(path + ".id", comment.id());
      if (commentId.length() > ID_MAX_CHARS || !COMMENT_ID.matcher(commentId).matches()) {
        throw TrackerException.invalid(
            path + ".id",
            "'" + commentId + "' is not a comment id (lower-case letters and digits)");
      }
      if (!commentIds.add(commentId)) {
        throw TrackerException.invalid(path + ".id", "comment " + commentId + " appears twice");
      }
      String author = at(path + ".author", () -> Validation.name("author", comment.author()));
      String body = at(path + ".body", () -> Validation.commentBody(comment.body()));
      required(path + ".createdAt", comment.createdAt());
      comments.add(new CommentLine(commentId, author, body, comment.createdAt()));
    }
    return new IssueLine(
        id,
        title,
        description,
        issue.status(),
        issue.priority(),
        issue.type(),
        assignee,
        labels,
        parent,
        issue.createdAt(),
        issue.updatedAt(),
        issue.closedAt(),
        closeReason,
        issue.deletedAt(),
        issue.dependencies(),
        comments);
  }

  /** The JSON text of a value as this file writes it; used by the merge to break exact ties. */
  static String text(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  private static IssueLine parse(String text, int number, boolean unterminated)
      throws JsonlException {
    try {
      return MAPPER.readValue(text, IssueLine.class);
    } catch (JacksonException e) {
      throw translate(e, number, unterminated);
    } catch (TrackerException e) {
      throw new JsonlException(Kind.INVALID_VALUE, number, e.getMessage());
    }
  }

  private static JsonlException translate(JacksonException e, int number, boolean unterminated) {
    String path = JsonPaths.of(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TrackerException tracker) {
        String field = path.isEmpty() ? tracker.field() : path;
        String message = tracker.getMessage();
        if (tracker.field() != null && message.startsWith(tracker.field() + ": ")) {
          message = message.substring(tracker.field().length() + 2);
        }
        return new JsonlException(
            Kind.INVALID_VALUE, number, field == null ? message : field + ": " + message);
      }
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = path.isEmpty() ? unknown.getPropertyName() : path;
      return new JsonlException(
          Kind.UNKNOWN_FIELD,
          number,
          "unknown field '"
              + field
              + "' (a newer tracker may have written it; importing would drop it on the next"
              + " export)");
    }
    String problem = e.getOriginalMessage() == null ? "" : firstLine(e.getOriginalMessage());
    if (unterminated && endOfInput(e)) {
      return new JsonlException(
          Kind.TRUNCATED,
          number,
          "truncated: the last line has no newline and its JSON stops early (" + problem + ")");
    }
    if (e instanceof StreamReadException) {
      return new JsonlException(Kind.INVALID_JSON, number, "invalid JSON: " + problem);
    }
    if (path.isEmpty() && problem.startsWith("Trailing token")) {
      return new JsonlException(
          Kind.INVALID_JSON, number, "invalid JSON: more than one value on the line");
    }
    if (path.isEmpty()) {
      return new JsonlException(
          Kind.INVALID_JSON, number, "not a JSON object; every line holds one issue as an object");
    }
    return new JsonlException(Kind.INVALID_VALUE, number, path + ": " + problem);
  }

  private static boolean endOfInput(JacksonException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnexpectedEndOfInputException
          || (t.getMessage() != null && t.getMessage().contains("end-of-input"))) {
        return true;
      }
    }
    return false;
  }

  /** The first line of a parser message, without the location the parser appends. */
  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    for (String location : new String[] {" (start marker at", " at [Source:"}) {
      int at = line.indexOf(location);
      if (at > 0) {
        line = line.substring(0, at);
      }
    }
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** Line spans {@code [start, end)} without their {@code \n}; a final newline ends no line. */
  private static List<int[]> split(byte[] content) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        lines.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < content.length) {
      lines.add(new int[] {start, content.length});
    }
    return lines;
  }

  private static boolean isConflictMarker(byte[] content, int[] line) {
    for (String marker : CONFLICT_MARKERS) {
      if (line[1] - line[0] >= marker.length()) {
        boolean matches = true;
        for (int i = 0; i < marker.length() && matches; i++) {
          matches = content[line[0] + i] == marker.charAt(i);
        }
        if (matches) {
          return true;
        }
      }
    }
    return false;
  }

  private static String decode(byte[] content, int[] line, int number) throws JsonlException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, line[0], line[1] - line[0]))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonlException(Kind.INVALID_JSON, number, "not valid UTF-8");
    }
  }

  private static String issueId(String field, String value) {
    required(field, value);
    if (value.length() > ID_MAX_CHARS || !ISSUE_ID.matcher(value).matches()) {
      throw TrackerException.invalid(
          field, "'" + value + "' is not an issue id (<project key>-<base36>, like trk-a1b2)");
    }
    return value;
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw TrackerException.invalid(field, "is required");
    }
    return value;
  }

  /** Runs a core check and names {@code path} instead of the field name the check knows. */
  private static <T> T at(String path, Supplier<T> check) {
    try {
      return check.get();
    } catch (TrackerException e) {
      String message = e.getMessage();
      if (e.field() != null && message.startsWith(e.field() + ": ")) {
        message = message.substring(e.field().length() + 2);
      }
      throw TrackerException.invalid(path, message);
    }
  }
}
