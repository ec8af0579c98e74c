package dev.tracker.core.model;

import java.time.Instant;

/** A comment. Its id is random so that comments made in two clones merge by id without clashing. */
public record Comment(String id, String issueId, String author, String body, Instant createdAt) {}
