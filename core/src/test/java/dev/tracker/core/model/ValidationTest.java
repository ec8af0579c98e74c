package dev.tracker.core.model;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {
  /** U+1F600, one character but two UTF-16 units and four UTF-8 bytes. */
  private static final String EMOJI = "\uD83D\uDE00";

  /** U+20000, a CJK letter outside the BMP (category Lo): one character, two UTF-16 units. */
  private static final String CJK_EXT_B = "\uD840\uDC00";

  private static int utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  @Nested
  class Title {
    @Test
    void returnsTheStrippedTitle() {
      assertThat(Validation.title("  Fix the login page \n")).isEqualTo("Fix the login page");
    }

    @Test
    void keepsNonAsciiText() {
      assertThat(Validation.title("Überprüfung 漢字 " + EMOJI)).isEqualTo("Überprüfung 漢字 " + EMOJI);
    }

    @Test
    void rejectsNull() {
      assertValidationFailure(() -> Validation.title(null), "title", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", " \n\r\t "})
    void rejectsBlank(String title) {
      assertValidationFailure(() -> Validation.title(title), "title", "must not be blank");
    }

    @Test
    void acceptsExactly500Characters() {
      String title = "x".repeat(500);
      assertThat(Validation.title(title)).isEqualTo(title);
    }

    @Test
    void countsTheLimitAfterStripping() {
      String title = "x".repeat(500);
      assertThat(Validation.title("   " + title + "   ")).isEqualTo(title);
    }

    @Test
    void rejects501CharactersNamingTheLimitAndTheCount() {
      assertValidationFailure(
          () -> Validation.title("x".repeat(501)), "title", "500", "characters", "(got 501)");
    }

    @Test
    void rejectsAMuchLongerTitleWithItsActualCount() {
      assertValidationFailure(() -> Validation.title("y".repeat(1234)), "title", "(got 1234)");
    }

    @Test
    void countsCharactersNotUtf16Units() {
      String fiveHundred = EMOJI.repeat(500);
      assertThat(fiveHundred.length()).isEqualTo(1000);
      assertThat(Validation.title(fiveHundred)).isEqualTo(fiveHundred);
      assertValidationFailure(
          () -> Validation.title(EMOJI.repeat(501)), "title", "500", "(got 501)");
    }

    @Test
    void allowsTab() {
      assertThat(Validation.title("a\tb")).isEqualTo("a\tb");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"a\u0000b", "a\nb", "a\rb", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b"})
    void rejectsControlCharactersIncludingLineBreaks(String title) {
      String code = String.format("U+%04X", (int) title.charAt(1));
      assertValidationFailure(
          () -> Validation.title(title), "title", "control character " + code, "at index 1");
    }

    @Test
    void reportsTheIndexOfTheControlCharacterInTheStrippedTitle() {
      assertValidationFailure(
          () -> Validation.title("  abc\u0000"), "title", "U+0000", "at index 3");
    }

    @Test
    void rejectsAnUnpairedHighSurrogate() {
      assertValidationFailure(
          () -> Validation.title("a\uD83Db"), "title", "unpaired surrogate at index 1");
    }

    @Test
    void rejectsAHighSurrogateAtTheEnd() {
      assertValidationFailure(
          () -> Validation.title("ab\uD83D"), "title", "unpaired surrogate at index 2");
    }

    @Test
    void rejectsAnUnpairedLowSurrogate() {
      assertValidationFailure(
          () -> Validation.title("\uDE00b"), "title", "unpaired surrogate at index 0");
    }

    @Test
    void rejectsASurrogatePairInTheWrongOrder() {
      assertValidationFailure(
          () -> Validation.title("a\uDE00\uD83D"), "title", "unpaired surrogate at index 1");
    }
  }

  @Nested
  class Description {
    private static final int LIMIT = 64 * 1024;

    @Test
    void nullAndBlankMeanNoDescription() {
      assertThat(Validation.description(null)).isNull();
      assertThat(Validation.description("")).isNull();
      assertThat(Validation.description(" \n\t\r\n ")).isNull();
    }

    @Test
    void keepsTheTextAsItIs() {
      String markdown = "  # Heading\r\n\n- item\twith tab\n";
      assertThat(Validation.description(markdown)).isEqualTo(markdown);
    }

    @Test
    void acceptsExactly64KiBOfAscii() {
      String text = "d".repeat(LIMIT);
      assertThat(Validation.description(text)).isEqualTo(text);
    }

    @Test
    void rejectsOneByteOver64KiBNamingTheLimitAndTheCount() {
      assertValidationFailure(
          () -> Validation.description("d".repeat(LIMIT + 1)),
          "description",
          "65536 bytes",
          "UTF-8",
          "(got 65537)");
    }

    @Test
    void countsTwoByteCharactersAsTwoBytes() {
      String atLimit = "é".repeat(LIMIT / 2);
      assertThat(utf8(atLimit)).isEqualTo(LIMIT);
      assertThat(Validation.description(atLimit)).isEqualTo(atLimit);
      assertValidationFailure(
          () -> Validation.description(atLimit + "é"), "description", "65536", "(got 65538)");
    }

    @Test
    void countsThreeByteCharactersAsThreeBytes() {
      // 21,846 characters, far fewer than 65,536, but 65,538 bytes.
      String euros = "€".repeat(21_846);
      assertThat(euros.length()).isLessThan(LIMIT);
      assertValidationFailure(
          () -> Validation.description(euros), "description", "65536", "(got 65538)");
    }

    @Test
    void countsSupplementaryCharactersAsFourBytes() {
      String atLimit = EMOJI.repeat(LIMIT / 4);
      assertThat(Validation.description(atLimit)).isEqualTo(atLimit);
      assertValidationFailure(
          () -> Validation.description(atLimit + "x"), "description", "(got 65537)");
    }

    @Test
    void allowsLineBreaksAndTabs() {
      assertThat(Validation.description("a\nb\r\nc\td")).isEqualTo("a\nb\r\nc\td");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u000Bb", "a\u000Cb", "a\u001Fb", "a\u007Fb", "a\u0085b"})
    void rejectsOtherControlCharacters(String text) {
      String code = String.format("U+%04X", (int) text.charAt(1));
      assertValidationFailure(
          () -> Validation.description(text), "description", code, "at index 1");
    }

    @Test
    void rejectsUnpairedSurrogates() {
      assertValidationFailure(
          () -> Validation.description("ok\n\uD800"), "description", "unpaired surrogate");
      assertValidationFailure(
          () -> Validation.description("\uDC00 ok"), "description", "unpaired surrogate");
    }
  }

  @Nested
  class Name {
    @Test
    void returnsTheStrippedName() {
      assertThat(Validation.name("assignee", "  Ada Lovelace ")).isEqualTo("Ada Lovelace");
    }

    @Test
    void namesTheFieldItWasGiven() {
      assertValidationFailure(() -> Validation.name("assignee", null), "assignee", "is required");
      assertValidationFailure(() -> Validation.name("author", null), "author", "is required");
      assertValidationFailure(() -> Validation.name("actor", "  "), "actor", "must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \n"})
    void rejectsBlank(String name) {
      assertValidationFailure(() -> Validation.name("author", name), "author", "must not be blank");
    }

    @Test
    void acceptsExactly100Characters() {
      String name = "n".repeat(100);
      assertThat(Validation.name("assignee", name)).isEqualTo(name);
      String wide = EMOJI.repeat(100);
      assertThat(Validation.name("assignee", wide)).isEqualTo(wide);
    }

    @Test
    void rejects101CharactersNamingTheLimitAndTheCount() {
      assertValidationFailure(
          () -> Validation.name("assignee", "n".repeat(101)),
          "assignee",
          "at most 100 characters",
          "(got 101)");
      assertValidationFailure(
          () -> Validation.name("assignee", EMOJI.repeat(101)), "assignee", "(got 101)");
    }

    @Test
    void mustBeOnOneLine() {
      assertValidationFailure(
          () -> Validation.name("author", "Ada\nLovelace"), "author", "U+000A", "at index 3");
    }

    @Test
    void rejectsNulAndUnpairedSurrogates() {
      assertValidationFailure(() -> Validation.name("author", "a\u0000"), "author", "U+0000");
      assertValidationFailure(
          () -> Validation.name("author", "a\uD800"), "author", "unpaired surrogate");
    }

    @Test
    void projectNameUsesTheNameField() {
      assertThat(Validation.projectName(" Tracker ")).isEqualTo("Tracker");
      assertValidationFailure(() -> Validation.projectName(null), "name", "is required");
      assertValidationFailure(() -> Validation.projectName(""), "name", "must not be blank");
      assertValidationFailure(
          () -> Validation.projectName("p".repeat(101)), "name", "100", "(got 101)");
    }
  }

  @Nested
  class CloseReason {
    @Test
    void nullAndBlankMeanNoReason() {
      assertThat(Validation.closeReason(null)).isNull();
      assertThat(Validation.closeReason("")).isNull();
      assertThat(Validation.closeReason(" \n ")).isNull();
    }

    @Test
    void returnsTheStrippedReason() {
      assertThat(Validation.closeReason("  fixed in 1.2\n")).isEqualTo("fixed in 1.2");
    }

    @Test
    void acceptsExactly1000Characters() {
      String reason = "r".repeat(1000);
      assertThat(Validation.closeReason(reason)).isEqualTo(reason);
    }

    @Test
    void rejects1001CharactersNamingTheLimitAndTheCount() {
      assertValidationFailure(
          () -> Validation.closeReason("r".repeat(1001)),
          "reason",
          "at most 1000 characters",
          "(got 1001)");
    }

    @Test
    void mayHaveSeveralLines() {
      assertThat(Validation.closeReason("duplicate\r\nof trk-a1b2"))
          .isEqualTo("duplicate\r\nof trk-a1b2");
    }

    @Test
    void rejectsControlCharactersAndUnpairedSurrogates() {
      assertValidationFailure(() -> Validation.closeReason("done\u0000"), "reason", "U+0000");
      assertValidationFailure(
          () -> Validation.closeReason("done \uDFFF"), "reason", "unpaired surrogate at index 5");
    }
  }

  @Nested
  class CommentBody {
    private static final int LIMIT = 64 * 1024;

    @Test
    void keepsTheBodyAsItIs() {
      assertThat(Validation.commentBody("  Looks good\n")).isEqualTo("  Looks good\n");
    }

    @Test
    void rejectsNull() {
      assertValidationFailure(() -> Validation.commentBody(null), "body", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void rejectsBlank(String body) {
      assertValidationFailure(() -> Validation.commentBody(body), "body", "must not be blank");
    }

    @Test
    void acceptsExactly64KiB() {
      String body = "c".repeat(LIMIT);
      assertThat(Validation.commentBody(body)).isEqualTo(body);
    }

    @Test
    void rejectsOneByteOverNamingTheLimitAndTheCount() {
      assertValidationFailure(
          () -> Validation.commentBody("c".repeat(LIMIT + 1)),
          "body",
          "65536 bytes",
          "(got 65537)");
    }

    @Test
    void countsMultiByteCharactersInBytes() {
      String body = "ü".repeat(LIMIT / 2) + "!";
      assertThat(body.length()).isLessThan(LIMIT);
      assertValidationFailure(() -> Validation.commentBody(body), "body", "(got 65537)");
    }

    @Test
    void rejectsControlCharactersButNotLineBreaks() {
      assertThat(Validation.commentBody("a\r\nb\tc")).isEqualTo("a\r\nb\tc");
      assertValidationFailure(() -> Validation.commentBody("a\u0008"), "body", "U+0008");
    }

    @Test
    void rejectsUnpairedSurrogates() {
      assertValidationFailure(
          () -> Validation.commentBody("x\uD800y"), "body", "unpaired surrogate at index 1");
    }
  }

  @Nested
  class Label {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "bug",
          "p1",
          "1st",
          "area:ui",
          "v1.2",
          "c++",
          "a/b",
          "x_y",
          "team-core",
          "Bug",
          "ünïcödé",
          "日本語",
          "a.b:c/d+e-f_g"
        })
    void acceptsLettersDigitsAndTheAllowedPunctuation(String label) {
      assertThat(Validation.label(label)).isEqualTo(label);
    }

    @Test
    void stripsSurroundingWhitespace() {
      assertThat(Validation.label("  bug\t")).isEqualTo("bug");
    }

    @Test
    void rejectsNull() {
      assertValidationFailure(() -> Validation.label(null), "labels", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejectsBlank(String label) {
      assertValidationFailure(() -> Validation.label(label), "labels", "a label must not be blank");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "-bug",
          "_bug",
          ".bug",
          ":bug",
          "/bug",
          "+bug",
          "two words",
          "a,b",
          "a#b",
          "bug!",
          "a\u0000b",
          "a\nb",
          EMOJI
        })
    void rejectsLabelsOutsideThePattern(String label) {
      assertValidationFailure(
          () -> Validation.label(label),
          "labels",
          "label '" + label.strip() + "'",
          "must start with a letter or digit");
    }

    @Test
    void acceptsExactly50Characters() {
      String label = "l".repeat(50);
      assertThat(Validation.label(label)).isEqualTo(label);
    }

    @Test
    void rejects51CharactersNamingTheLimit() {
      String label = "l".repeat(51);
      assertValidationFailure(
          () -> Validation.label(label), "labels", label, "longer than 50 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
      String fifty = CJK_EXT_B.repeat(50);
      assertThat(fifty.length()).isEqualTo(100);
      assertThat(Validation.label(fifty)).isEqualTo(fifty);
      assertValidationFailure(
          () -> Validation.label(CJK_EXT_B.repeat(51)), "labels", "longer than 50 characters");
    }
  }

  @Nested
  class Labels {
    @Test
    void nullMeansNoLabels() {
      assertThat(Validation.labels(null)).isEmpty();
      assertThat(Validation.labels(List.of())).isEmpty();
    }

    @Test
    void deduplicatesAndSorts() {
      assertThat(Validation.labels(List.of("ui", "bug", "ui", " bug ", "area:db")))
          .containsExactly("area:db", "bug", "ui");
    }

    @Test
    void keepsLabelsThatDifferOnlyInCaseApart() {
      assertThat(Validation.labels(List.of("b", "B", "a"))).containsExactly("B", "a", "b");
    }

    @Test
    void returnsAnUnmodifiableList() {
      List<String> labels = Validation.labels(new ArrayList<>(List.of("b", "a")));
      assertThatThrownBy(() -> labels.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsExactly50Labels() {
      List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "l" + i).toList();
      assertThat(Validation.labels(fifty)).hasSize(50).isSorted();
    }

    @Test
    void rejects51LabelsNamingTheLimitAndTheCount() {
      List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "l" + i).toList();
      assertValidationFailure(
          () -> Validation.labels(fiftyOne), "labels", "at most 50 labels per issue", "(got 51)");
    }

    @Test
    void countsLabelsAfterRemovingDuplicates() {
      List<String> labels = new ArrayList<>();
      IntStream.range(0, 50).forEach(i -> labels.add("l" + i));
      labels.add("l0");
      labels.add(" l1 ");
      assertThat(Validation.labels(labels)).hasSize(50);
    }

    @Test
    void rejectsAnInvalidLabelAmongValidOnes() {
      assertValidationFailure(
          () -> Validation.labels(List.of("bug", "-bad", "ui")), "labels", "'-bad'");
      assertValidationFailure(
          () -> Validation.labels(Arrays.asList("bug", null)), "labels", "is required");
      assertValidationFailure(
          () -> Validation.labels(List.of("bug", " ")), "labels", "must not be blank");
    }
  }

  @Nested
  class ProjectKey {
    @ParameterizedTest
    @ValueSource(strings = {"ab", "trk", "a1", "web2", "abcdefghijklmnop"})
    void acceptsLowerCaseLettersAndDigitsStartingWithALetter(String key) {
      assertThat(Validation.projectKey(key)).isEqualTo(key);
    }

    @Test
    void foldsUpperCaseAndStrips() {
      assertThat(Validation.projectKey("TRK")).isEqualTo("trk");
      assertThat(Validation.projectKey("  Web2 ")).isEqualTo("web2");
    }

    @Test
    void rejectsNull() {
      assertValidationFailure(() -> Validation.projectKey(null), "key", "is required");
    }

    @Test
    void rejectsOneCharacterNamingTheBoundsAndTheCount() {
      assertValidationFailure(
          () -> Validation.projectKey("a"), "key", "2 to 16 characters", "(got 1)");
    }

    @Test
    void rejectsEmptyAndBlank() {
      assertValidationFailure(() -> Validation.projectKey(""), "key", "2 to 16", "(got 0)");
      assertValidationFailure(() -> Validation.projectKey("   "), "key", "2 to 16", "(got 0)");
    }

    @Test
    void acceptsExactly16AndRejects17Characters() {
      assertThat(Validation.projectKey("k".repeat(16))).isEqualTo("k".repeat(16));
      assertValidationFailure(
          () -> Validation.projectKey("k".repeat(17)), "key", "2 to 16", "(got 17)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ab", "9", "a-b", "a_b", "ab c", "äb", "tr.k", "trk!"})
    void rejectsOtherCharactersOrALeadingDigit(String key) {
      assertValidationFailure(() -> Validation.projectKey(key), "key");
    }

    @Test
    void explainsThePatternWhenTheLengthIsFine() {
      assertValidationFailure(
          () -> Validation.projectKey("1ab"),
          "key",
          "lower-case letters and digits, starting with a letter");
    }
  }

  @Nested
  class Limit {
    @Test
    void absentMeansTheDefaultOf100() {
      assertThat(Validation.limit(null)).isEqualTo(100).isEqualTo(Limits.PAGE_DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 999, 1000})
    void acceptsOneTo1000(int limit) {
      assertThat(Validation.limit(limit)).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsValuesOutsideOneTo1000NamingTheBoundsAndTheValue(int limit) {
      assertValidationFailure(
          () -> Validation.limit(limit), "limit", "must be 1 to 1000", "(got " + limit + ")");
    }
  }
}
