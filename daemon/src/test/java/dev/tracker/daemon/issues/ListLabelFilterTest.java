package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.model.Issue;
import dev.tracker.core.model.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListLabelFilterTest {
  @TempDir Path dir;

  @Test
  void allLabelsRequiresEveryLabelAndAnyLabelsAtLeastOne() {
    try (StoreFixture f = new StoreFixture(dir)) {
      Issue both = f.create(labelled("both", "api", "db"));
      Issue api = f.create(labelled("api only", "api"));
      Issue db = f.create(labelled("db only", "db"));
      f.create(labelled("other", "ui"));
      f.create(IssueDraft.titled("none"));

      assertThat(ids(f, IssueQuery.builder().allLabels("api").build()))
          .containsExactly(both.id(), api.id());
      assertThat(ids(f, IssueQuery.builder().allLabels("api", "db").build()))
          .containsExactly(both.id());
      assertThat(ids(f, IssueQuery.builder().anyLabels("api", "db").build()))
          .containsExactly(both.id(), api.id(), db.id());
      assertThat(ids(f, IssueQuery.builder().allLabels("db").anyLabels("api", "ui").build()))
          .containsExactly(both.id());
      assertThat(ids(f, IssueQuery.builder().allLabels("missing").build())).isEmpty();
    }
  }

  @Test
  void labelFilterCombinesWithStatusAndPaging() {
    try (StoreFixture f = new StoreFixture(dir)) {
      Issue first = f.create(labelled("first", "api"));
      f.create(labelled("second", "api"));
      Issue third = f.create(labelled("third", "api"));
      f.store.issues().close(StoreFixture.KEY, List.of(third.id()), "done", StoreFixture.ACTOR);

      IssueQuery open =
          IssueQuery.builder().statuses(Status.OPEN).allLabels("api").limit(1).build();
      var page = f.store.queries().list(StoreFixture.KEY, open);
      assertThat(page.items()).extracting(Issue::id).containsExactly(first.id());
      assertThat(page.nextCursor()).isNotNull();
      IssueQuery next =
          IssueQuery.builder()
              .statuses(Status.OPEN)
              .allLabels("api")
              .limit(1)
              .cursor(page.nextCursor())
              .build();
      var rest = f.store.queries().list(StoreFixture.KEY, next);
      assertThat(rest.items()).extracting(Issue::title).containsExactly("second");
      assertThat(rest.nextCursor()).isNull();
    }
  }

  private static IssueDraft labelled(String title, String... labels) {
    return new IssueDraft(title, null, null, null, null, null, List.of(labels), null, null);
  }

  private static List<String> ids(StoreFixture f, IssueQuery query) {
    return f.store.queries().list(StoreFixture.KEY, query).items().stream().map(Issue::id).toList();
  }
}
