package dev.tracker.core.api;

import dev.tracker.core.model.Priority;
import dev.tracker.core.model.Status;

/** An issue named by id with just enough to recognise it. */
public record IssueRef(String id, String title, Status status, Priority priority) {}
