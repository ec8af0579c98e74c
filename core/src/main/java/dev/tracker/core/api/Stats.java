package dev.tracker.core.api;

import java.util.List;
import java.util.Map;

/**
 * Counts of live issues by status, priority, type and assignee ({@code ""} for unassigned), and a
 * day-by-day timeline of issues opened and closed.
 */
public record Stats(
    long total,
    Map<String, Long> byStatus,
    Map<String, Long> byPriority,
    Map<String, Long> byType,
    Map<String, Long> byAssignee,
    List<DayCount> timeline) {}
