package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.QueryTestData.ACTOR;
import static dev.tracker.daemon.issues.QueryTestData.KEY;
import static dev.tracker.daemon.issues.QueryTestData.assertFails;
import static dev.tracker.daemon.issues.QueryTestData.assertInvalid;
import static dev.tracker.daemon.issues.QueryTestData.delete;
import static dev.tracker.daemon.issues.QueryTestData.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssueDraft;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Issue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Getting an issue by its full id or by a prefix of it. */
class IdPrefixTest {
  @TempDir Path dir;

  private StoreFixture f;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
  }

  @AfterEach
  void closeStore() {
    f.close();
  }

  private Issue get(String typed) {
    return f.store.issues().get(KEY, typed);
  }

  /** The random part of an id: what follows the project key and the dash. */
  private static String random(Issue issue) {
    return issue.id().substring(KEY.length() + 1);
  }

  /** Ids grouped by the first character of their random part, sorted. */
  private static Map<Character, List<String>> byFirstCharacter(List<Issue> issues) {
    Map<Character, List<String>> groups = new TreeMap<>();
    for (String id : ids(issues).stream().sorted().toList()) {
      groups.computeIfAbsent(id.charAt(KEY.length() + 1), c -> new ArrayList<>()).add(id);
    }
    return groups;
  }

  private List<Issue> createMany(int count) {
    List<Issue> issues = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      issues.add(f.create("issue " + i));
    }
    return issues;
  }

  @Test
  void newIdsAreTheProjectKeyAndFourBase36Characters() {
    for (Issue issue : createMany(20)) {
      assertThat(issue.id()).matches(KEY + "-[0-9a-z]{4}");
    }
  }

  @Test
  void getByFullId() {
    Issue wanted = f.create("wanted");
    f.create("another");

    Issue found = get(wanted.id());
    assertThat(found).isEqualTo(wanted);
  }

  @Test
  void getByUniquePrefixWithAndWithoutTheProjectKey() {
    List<Issue> issues = createMany(30);
    Map<Character, List<String>> groups = byFirstCharacter(issues);
    Issue wanted =
        issues.stream()
            .filter(i -> groups.get(random(i).charAt(0)).size() == 1)
            .findFirst()
            .orElseThrow();
    String one = random(wanted).substring(0, 1);
    String three = random(wanted).substring(0, 3);

    assertThat(get(one).id()).isEqualTo(wanted.id());
    assertThat(get(three).id()).isEqualTo(wanted.id());
    assertThat(get(random(wanted)).id()).isEqualTo(wanted.id());
    assertThat(get(KEY + "-" + one).id()).isEqualTo(wanted.id());
    assertThat(get(KEY + "-" + three).id()).isEqualTo(wanted.id());
    assertThat(get(" " + three + " ").id()).isEqualTo(wanted.id());
  }

  @Test
  void upperCaseInputIsFolded() {
    Issue wanted = f.create("wanted");

    assertThat(get(wanted.id().toUpperCase(Locale.ROOT)).id()).isEqualTo(wanted.id());
    assertThat(get(random(wanted).toUpperCase(Locale.ROOT)).id()).isEqualTo(wanted.id());
    assertThat(get(random(wanted).substring(0, 2).toUpperCase(Locale.ROOT)).id())
        .isEqualTo(wanted.id());
    // The project key folds too, as everywhere else it is accepted.
    assertThat(f.store.issues().get("TRK", random(wanted)).id()).isEqualTo(wanted.id());
    assertThat(f.store.issues().get("TRK", wanted.id()).id()).isEqualTo(wanted.id());
  }

  @Test
  void ambiguousPrefixListsTheCandidates() {
    List<Issue> issues = createMany(40);
    Map.Entry<Character, List<String>> shared =
        byFirstCharacter(issues).entrySet().stream()
            .filter(e -> e.getValue().size() >= 2)
            .findFirst()
            .orElseThrow();
    String prefix = String.valueOf(shared.getKey());

    for (String typed : List.of(prefix, KEY + "-" + prefix, prefix.toUpperCase(Locale.ROOT))) {
      TrackerException e = assertFails(ErrorCode.AMBIGUOUS_ID, () -> get(typed));
      assertThat(e.candidates()).containsExactlyElementsOf(shared.getValue());
      assertThat(e.field()).isEqualTo("id");
      assertThat(e.getMessage()).contains(typed);
      for (String candidate : shared.getValue()) {
        assertThat(e.getMessage()).contains(candidate);
      }
    }
  }

  @Test
  void ambiguousPrefixShowsAtMostTenCandidates() {
    List<Issue> issues = createMany(15);
    List<String> sorted = ids(issues).stream().sorted().toList();

    TrackerException e = assertFails(ErrorCode.AMBIGUOUS_ID, () -> get(KEY + "-"));
    assertThat(e.candidates()).containsExactlyElementsOf(sorted.subList(0, 10));
    assertThat(e.getMessage()).endsWith(", ...").doesNotContain(sorted.get(10));
  }

  @Test
  void unknownIdIsNotFound() {
    Issue existing = f.create("existing");
    String unused = random(existing).charAt(0) == 'z' ? "y" : "z";

    assertFails(ErrorCode.NOT_FOUND, () -> get(unused + "zzz"));
    assertFails(ErrorCode.NOT_FOUND, () -> get(KEY + "-" + unused));
    assertFails(ErrorCode.NOT_FOUND, () -> get(existing.id() + "0"));
    assertFails(ErrorCode.NOT_FOUND, () -> get("abc-" + random(existing)));
  }

  @Test
  void malformedIdIsAValidationError() {
    f.create("existing");

    assertInvalid("id", () -> get(""));
    assertInvalid("id", () -> get("trk_ab!"));
    assertInvalid("id", () -> get("a".repeat(65)));
  }

  @Test
  void deletedIssueIsNotFound() {
    Issue gone = f.create("gone");
    delete(f, gone);

    assertFails(ErrorCode.NOT_FOUND, () -> get(gone.id()));
    assertFails(ErrorCode.NOT_FOUND, () -> get(random(gone)));
    assertFails(ErrorCode.NOT_FOUND, () -> get(random(gone).substring(0, 2)));
  }

  @Test
  void deletedIssuesDoNotMakeAPrefixAmbiguous() {
    List<Issue> issues = createMany(40);
    Map.Entry<Character, List<String>> shared =
        byFirstCharacter(issues).entrySet().stream()
            .filter(e -> e.getValue().size() == 2)
            .findFirst()
            .orElseThrow();
    String prefix = String.valueOf(shared.getKey());
    String kept = shared.getValue().get(0);
    f.tick();
    f.store.issues().delete(KEY, shared.getValue().get(1), null, ACTOR);

    assertThat(get(prefix).id()).isEqualTo(kept);
  }

  @Test
  void issuesOfAnotherProjectAreNotFound() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    Issue mine = f.create("mine");
    f.tick();
    Issue theirs = f.store.issues().create("oth", IssueDraft.titled("theirs"), ACTOR);

    assertThat(f.store.issues().get("oth", theirs.id())).isEqualTo(theirs);
    assertThat(f.store.issues().get("oth", random(theirs))).isEqualTo(theirs);
    assertFails(ErrorCode.NOT_FOUND, () -> get(theirs.id()));
    assertFails(ErrorCode.NOT_FOUND, () -> get("oth-"));
    assertFails(ErrorCode.NOT_FOUND, () -> f.store.issues().get("oth", mine.id()));
  }

  @Test
  void unknownProjectIsNotFound() {
    Issue mine = f.create("mine");

    TrackerException e =
        assertFails(ErrorCode.NOT_FOUND, () -> f.store.issues().get("nope", mine.id()));
    assertThat(e.getMessage()).contains("nope");
  }
}
