package dev.tracker.daemon.issues;

import static dev.tracker.daemon.issues.QueryTestData.ACTOR;
import static dev.tracker.daemon.issues.QueryTestData.KEY;
import static dev.tracker.daemon.issues.QueryTestData.assertInvalid;
import static dev.tracker.daemon.issues.QueryTestData.delete;
import static dev.tracker.daemon.issues.QueryTestData.draft;
import static dev.tracker.daemon.issues.QueryTestData.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracker.core.api.IssuePatch;
import dev.tracker.core.api.IssueQuery;
import dev.tracker.core.api.NewComment;
import dev.tracker.core.api.NewProject;
import dev.tracker.core.api.SearchHit;
import dev.tracker.core.model.Comment;
import dev.tracker.core.model.Issue;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search over titles, descriptions and comments. */
class SearchTest {
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

  private List<SearchHit> search(String text) {
    return f.store.queries().search(KEY, text, null);
  }

  private List<String> found(String text) {
    return search(text).stream().map(h -> h.issue().id()).toList();
  }

  private Comment comment(Issue issue, String body) {
    f.tick();
    return f.store.comments().add(KEY, issue.id(), new NewComment(null, body), ACTOR);
  }

  /** Issues that match nothing searched here, so that search terms are rare in the corpus. */
  private void filler(int count) {
    for (int i = 0; i < count; i++) {
      draft("filler " + i).description("nothing of interest in number " + i).create(f);
    }
  }

  // --- what is indexed ---------------------------------------------------------------------

  @Test
  void titleDescriptionAndCommentsAreSearched() {
    Issue title = f.create("Zebra crossing is broken");
    Issue description = draft("Traffic lights").description("near the zebra crossing").create(f);
    Issue commented = f.create("Corner shop");
    comment(commented, "there is a zebra outside");
    filler(3);

    assertThat(found("zebra"))
        .containsExactlyInAnyOrder(title.id(), description.id(), commented.id());
    assertThat(found("crossing")).containsExactlyInAnyOrder(title.id(), description.id());
    assertThat(found("outside")).containsExactly(commented.id());
    assertThat(found("giraffe")).isEmpty();
  }

  @Test
  void aCommentAddedLaterIsFound() {
    Issue issue = f.create("Quiet issue");
    assertThat(found("pelican")).isEmpty();

    comment(issue, "a pelican landed on the build server");
    assertThat(found("pelican")).containsExactly(issue.id());
    comment(issue, "and then a heron");
    assertThat(found("pelican")).containsExactly(issue.id());
    assertThat(found("heron")).containsExactly(issue.id());
  }

  @Test
  void aDeletedCommentNoLongerMatches() {
    Issue issue = f.create("Quiet issue");
    Comment pelican = comment(issue, "a pelican landed");
    Comment heron = comment(issue, "a heron too");

    f.tick();
    f.store.comments().delete(KEY, issue.id(), pelican.id(), ACTOR);
    assertThat(found("pelican")).isEmpty();
    assertThat(found("heron")).containsExactly(issue.id());

    f.tick();
    f.store.comments().delete(KEY, issue.id(), heron.id(), ACTOR);
    assertThat(found("heron")).isEmpty();
    assertThat(found("quiet")).containsExactly(issue.id());
  }

  @Test
  void anUpdatedTitleOrDescriptionIsReindexed() {
    Issue issue = draft("Walrus sighting").description("a narwhal nearby").create(f);
    comment(issue, "seen by the lighthouse");

    update(f, issue, IssuePatch.EMPTY.withTitle("Manatee sighting"));
    assertThat(found("walrus")).isEmpty();
    assertThat(found("manatee")).containsExactly(issue.id());
    assertThat(found("narwhal")).containsExactly(issue.id());

    update(f, issue, IssuePatch.EMPTY.withDescription("an orca nearby"));
    assertThat(found("narwhal")).isEmpty();
    assertThat(found("orca")).containsExactly(issue.id());

    update(f, issue, IssuePatch.EMPTY.withDescription(""));
    assertThat(found("orca")).isEmpty();
    // The comments survive edits of the issue.
    assertThat(found("lighthouse")).containsExactly(issue.id());
    assertThat(found("manatee")).containsExactly(issue.id());
  }

  @Test
  void everyWordMustMatchSomewhereInTheIssue() {
    Issue both = draft("Login fails").description("after the password reset").create(f);
    Issue oneWord = f.create("Login page is slow");
    comment(both, "only on mobile");

    assertThat(found("login")).containsExactlyInAnyOrder(both.id(), oneWord.id());
    assertThat(found("login password")).containsExactly(both.id());
    assertThat(found("login mobile")).containsExactly(both.id());
    assertThat(found("login desktop")).isEmpty();
  }

  // --- ranking and snippets ----------------------------------------------------------------

  @Test
  void titleMatchesRankBeforeDescriptionMatchesBeforeCommentMatches() {
    filler(6);
    // The shorter the text a word is found in, the better bm25 rates the match: the longest text
    // holds the title match and the shortest the comment match, so that only the weights of the
    // columns put the title first.
    Issue commentOnly = draft("Corner lights out").description("the crossing is dark").create(f);
    comment(commentOnly, "zebra");
    Issue descriptionOnly =
        draft("Lights at the corner").description("a zebra crossing, dark").create(f);
    Issue titleOnly =
        draft("The zebra crossing by the school gate is dark since the lamp failed last week")
            .description("the corner lights")
            .create(f);

    List<SearchHit> hits = search("zebra");
    assertThat(hits)
        .extracting(h -> h.issue().id())
        .containsExactly(titleOnly.id(), descriptionOnly.id(), commentOnly.id());
    assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(SearchHit::score));
    assertThat(hits.get(0).score()).isLessThan(hits.get(1).score());
    assertThat(hits.get(1).score()).isLessThan(hits.get(2).score());
    // bm25 as SQLite reports it: negative, lower is better.
    assertThat(hits).allSatisfy(h -> assertThat(h.score()).isNegative());
  }

  @Test
  void aLimitKeepsTheBestHits() {
    filler(6);
    Issue descriptionOnly = draft("Lights").description("the zebra crossing").create(f);
    Issue titleOnly = draft("Zebra crossing").description("the lights").create(f);

    assertThat(f.store.queries().search(KEY, "zebra", 1))
        .extracting(h -> h.issue().id())
        .containsExactly(titleOnly.id());
    assertThat(f.store.queries().search(KEY, "zebra", 2))
        .extracting(h -> h.issue().id())
        .containsExactly(titleOnly.id(), descriptionOnly.id());
    assertInvalid("limit", () -> f.store.queries().search(KEY, "zebra", 0));
    assertInvalid("limit", () -> f.store.queries().search(KEY, "zebra", 1001));
  }

  @Test
  void snippetsShowTheMatchInBrackets() {
    Issue title = f.create("Zebra crossing is broken");
    Issue description =
        draft("Lights").description("The lights by the school zebra crossing are out").create(f);
    Issue commented = f.create("Corner shop");
    comment(commented, "I saw a zebra outside the shop");

    List<SearchHit> hits = search("zebra");
    assertThat(hits).hasSize(3);
    for (SearchHit hit : hits) {
      String expected = hit.issue().id().equals(title.id()) ? "[Zebra]" : "[zebra]";
      assertThat(hit.snippet()).contains(expected);
    }
    assertThat(hitFor(hits, description).snippet()).contains("school [zebra] crossing");
    assertThat(hitFor(hits, commented).snippet()).contains("a [zebra] outside");
    assertThat(search("crossing broken").get(0).snippet())
        .isEqualTo("Zebra [crossing] is [broken]");
  }

  private static SearchHit hitFor(List<SearchHit> hits, Issue issue) {
    return hits.stream().filter(h -> h.issue().id().equals(issue.id())).findFirst().orElseThrow();
  }

  @Test
  void hitsCarryTheWholeIssue() {
    Issue issue =
        draft("Zebra crossing").description("details").labels("roads", "safety").create(f);

    SearchHit hit = search("zebra").get(0);
    assertThat(hit.issue()).isEqualTo(issue);
  }

  // --- matching ----------------------------------------------------------------------------

  @Test
  void wordsMatchAsPrefixes() {
    Issue auth = f.create("Authentication fails for SSO users");
    Issue authz = draft("Roles").description("authorization is too lax").create(f);
    f.create("Author list is wrong");

    assertThat(found("authentication")).containsExactly(auth.id());
    assertThat(found("auth")).hasSize(3).contains(auth.id(), authz.id());
    assertThat(found("authen")).containsExactly(auth.id());
    assertThat(found("authentications")).isEmpty();
    assertThat(search("authen").get(0).snippet()).contains("[Authentication]");
  }

  @Test
  void searchIgnoresCaseAndDiacritics() {
    Issue cafe = f.create("Café menu is wrong");
    Issue naive = draft("Parsing").description("a naïve approach to Ærø and Zürich").create(f);

    assertThat(found("cafe")).containsExactly(cafe.id());
    assertThat(found("CAFE")).containsExactly(cafe.id());
    assertThat(found("café")).containsExactly(cafe.id());
    assertThat(found("naive")).containsExactly(naive.id());
    assertThat(found("zurich")).containsExactly(naive.id());
    assertThat(found("ZÜRICH")).containsExactly(naive.id());
  }

  @Test
  void accentedInputFindsPlainText() {
    Issue plain = f.create("Cafe menu is wrong");

    assertThat(found("café")).containsExactly(plain.id());
    assertThat(found("Çafé")).containsExactly(plain.id());
  }

  @Test
  void ftsSyntaxInTheInputIsTakenLiterally() {
    Issue a = draft("Zebra and lion").description("spotted near the river").create(f);
    Issue b = draft("Giraffe").description("zebra stripes").create(f);
    Issue c = draft("Stripes").description("this title mentions a zebra").create(f);

    assertThat(found("\"zebra")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(found("zebra\"")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(found("\"zebra lion\"")).containsExactly(a.id());
    assertThat(found("zeb*")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(found("*zebra")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    // As syntax, OR would match a and b; as words, nothing contains "or".
    assertThat(found("giraffe OR lion")).isEmpty();
    assertThat(found("zebra NOT lion")).isEmpty();
    // "and" is a word of a's title.
    assertThat(found("zebra AND lion")).containsExactly(a.id());
    // "near" is a word of a's description.
    assertThat(found("NEAR(zebra")).containsExactly(a.id());
    assertThat(found("NEAR(zebra lion, 2)")).isEmpty();
    assertThat(found("-zebra")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(found("zebra - lion")).containsExactly(a.id());
    // As syntax, a column filter would find a; as words, only c mentions "title".
    assertThat(found("title:zebra")).containsExactly(c.id());
    assertThat(found("{title}: zebra")).containsExactly(c.id());
    // As syntax, ^ would require the first token of a column.
    assertThat(found("^stripes")).containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(found("zebra + lion")).containsExactly(a.id());
    assertThat(found("(zebra) stripes")).containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(found("'; DROP TABLE issue; --")).isEmpty();
    assertThat(found("zebra")).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"anything",
        "anything\"",
        "\"\"anything\"\"",
        "any*",
        "*any",
        "^anything",
        "-anything",
        "anything -all",
        "title:anything",
        "anything:",
        "{title description}: all",
        "(anything",
        "anything)",
        ")(anything",
        "NEAR(",
        "NEAR(anything all, 2)",
        "NEAR(anything",
        "AND",
        "anything AND",
        "OR anything",
        "NOT",
        "anything NOT all",
        "anything + all",
        "x*y*",
        "a\\b",
        "it's",
        "rowid = 1",
        "issue_fts MATCH 'x'",
        "'; DROP TABLE issue; --"
      })
  void ftsSyntaxWithWordsNeverFails(String text) {
    Issue issue = f.create("anything at all");

    assertThat(search(text)).isNotNull();
    assertThat(f.store.queries().list(KEY, IssueQuery.builder().text(text).build()).items())
        .isNotNull();
    // The store is intact afterwards.
    assertThat(found("anything")).containsExactly(issue.id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "\"",
        "\"\"",
        "*",
        "^",
        "-",
        ":",
        "(",
        ")(",
        "+",
        "{}",
        "\"*^-:()",
        "!?.,;",
        "\t\n"
      })
  void inputWithoutLettersOrDigitsIsRefused(String text) {
    f.create("anything");

    assertInvalid("text", () -> search(text));
  }

  @Test
  void missingTextIsRefused() {
    assertInvalid("text", () -> search(null));
  }

  @Test
  void tooManyWordsAreRefused() {
    Issue issue = f.create("w");
    String words32 = String.join(" ", Collections.nCopies(32, "w"));

    assertThat(found(words32)).containsExactly(issue.id());
    assertInvalid("text", () -> search(words32 + " w"));
  }

  // --- scope -------------------------------------------------------------------------------

  @Test
  void otherProjectsIssuesAreNeverReturned() {
    f.store.projects().create(new NewProject("oth", "Other", null));
    Issue mine = f.create("Zebra in my project");
    f.tick();
    Issue theirs = f.store.issues().create("oth", draft("Zebra in theirs").build(), ACTOR);
    f.tick();
    f.store.comments().add("oth", theirs.id(), new NewComment(null, "pelican"), ACTOR);

    assertThat(found("zebra")).containsExactly(mine.id());
    assertThat(found("pelican")).isEmpty();
    assertThat(f.store.queries().search("oth", "zebra", null))
        .extracting(h -> h.issue().id())
        .containsExactly(theirs.id());
  }

  @Test
  void deletedIssuesAreNeverReturned() {
    Issue kept = f.create("Zebra kept");
    Issue gone = draft("Zebra gone").description("walrus").create(f);
    comment(gone, "pelican");
    delete(f, gone);

    assertThat(found("zebra")).containsExactly(kept.id());
    assertThat(found("walrus")).isEmpty();
    assertThat(found("pelican")).isEmpty();
  }
}
