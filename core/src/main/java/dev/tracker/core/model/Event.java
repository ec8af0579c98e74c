package dev.tracker.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One entry of an issue's history: what changed, from what, to what, by whom and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(
    long id,
    String issueId,
    EventKind kind,
    String field,
    String from,
    String to,
    String actor,
    Instant at) {}
