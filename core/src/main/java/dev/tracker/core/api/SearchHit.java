package dev.tracker.core.api;

import dev.tracker.core.model.Issue;

/**
 * A full-text match. {@code score} is BM25 as SQLite reports it: lower is better. {@code snippet}
 * shows the best-matching passage with matches in [brackets].
 */
public record SearchHit(Issue issue, double score, String snippet) {}
