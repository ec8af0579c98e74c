package dev.tracker.daemon.sync.jsonl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * One comment as the sync file holds it, inside its issue's line. The issue id is not repeated: the
 * line it sits in says which issue it belongs to. {@code createdAt} is kept to the millisecond, the
 * precision the file stores, so that a comment reads back exactly as it was written.
 */
@JsonPropertyOrder({"id", "author", "body", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentLine(String id, String author, String body, Instant createdAt) {

  /** File order: by {@code createdAt}, then by {@code id}. */
  static final Comparator<CommentLine> ORDER =
      Comparator.comparing(CommentLine::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(CommentLine::id, Comparator.nullsFirst(Comparator.naturalOrder()));

  public CommentLine {
    createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
  }
}
