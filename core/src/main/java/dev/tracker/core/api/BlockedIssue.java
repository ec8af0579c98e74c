package dev.tracker.core.api;

import dev.tracker.core.model.Issue;
import java.util.List;

/** An issue that cannot proceed, with the open issues that block it (none when marked by hand). */
public record BlockedIssue(Issue issue, List<IssueRef> blockers) {
  public BlockedIssue {
    blockers = List.copyOf(blockers);
  }
}
