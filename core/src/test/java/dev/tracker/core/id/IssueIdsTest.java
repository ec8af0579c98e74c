package dev.tracker.core.id;

import static dev.tracker.core.error.ValidationAssertions.assertValidationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IssueIdsTest {
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  /** Existing-issue counts from 0 to 10^7: every count up to 100,000, then every 997th. */
  private static LongStream sampledCounts() {
    return LongStream.concat(
        LongStream.rangeClosed(0, 100_000),
        LongStream.iterate(100_000, n -> n <= 10_000_000, n -> n + 997));
  }

  private static double birthdayBound(long existing, int length) {
    double n = existing + 1.0;
    return n * n / (2 * Math.pow(36, length));
  }

  @Test
  void smallProjectsGetFourCharacters() {
    assertThat(IssueIds.lengthFor(0)).isEqualTo(4).isEqualTo(IssueIds.MIN_LENGTH);
    assertThat(IssueIds.lengthFor(1)).isEqualTo(4);
    assertThat(IssueIds.lengthFor(100)).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource({
    "182, 4",
    "183, 5",
    "1098, 5",
    "1099, 6",
    "6597, 6",
    "6598, 7",
    "39587, 7",
    "39588, 8",
    "237532, 8",
    "237533, 9",
    "1425200, 9",
    "1425201, 10",
    "8551207, 10",
    "8551208, 11",
    "51307250, 11",
    "51307251, 12",
  })
  void growsExactlyWhereTheBudgetWouldBeExceeded(long existing, int length) {
    assertThat(IssueIds.lengthFor(existing)).isEqualTo(length);
  }

  @Test
  void neverExceedsTheMaximumLength() {
    assertThat(IssueIds.lengthFor(1_000_000_000_000L)).isEqualTo(IssueIds.MAX_LENGTH);
    assertThat(IssueIds.lengthFor(Long.MAX_VALUE)).isEqualTo(IssueIds.MAX_LENGTH);
  }

  @Test
  void growsMonotonically() {
    long[] counts = sampledCounts().toArray();
    int previous = IssueIds.lengthFor(counts[0]);
    for (long existing : counts) {
      int length = IssueIds.lengthFor(existing);
      assertThat(length).as("length for %d", existing).isGreaterThanOrEqualTo(previous);
      previous = length;
    }
    assertThat(previous).as("length for 10^7").isEqualTo(11);
  }

  @Test
  void keepsTheBirthdayBoundWithinTheBudgetWithTheShortestSufficientLength() {
    sampledCounts()
        .forEach(
            existing -> {
              int length = IssueIds.lengthFor(existing);
              assertThat(length).isBetween(IssueIds.MIN_LENGTH, IssueIds.MAX_LENGTH);
              assertThat(birthdayBound(existing, length))
                  .as("bound for %d existing issues at length %d", existing, length)
                  .isLessThanOrEqualTo(IssueIds.COLLISION_BUDGET);
              if (length > IssueIds.MIN_LENGTH) {
                assertThat(birthdayBound(existing, length - 1))
                    .as("one character shorter would do for %d", existing)
                    .isGreaterThan(IssueIds.COLLISION_BUDGET);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 182, 183, 5_000, 1_000_000})
  void newIssueIdIsTheKeyADashAndTheRandomPart(long existing) {
    SplittableRandom random = new SplittableRandom(7);
    int length = IssueIds.lengthFor(existing);
    for (int i = 0; i < 200; i++) {
      assertThat(IssueIds.newIssueId("trk", existing, random))
          .matches("trk-[0-9a-z]{" + length + "}");
    }
  }

  @Test
  void seededGeneratorsGiveReproducibleIds() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    SplittableRandom a = new SplittableRandom(20_240_601L);
    SplittableRandom b = new SplittableRandom(20_240_601L);
    for (int i = 0; i < 50; i++) {
      first.add(IssueIds.newIssueId("web", i * 100L, a));
      second.add(IssueIds.newIssueId("web", i * 100L, b));
    }
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();

    SplittableRandom other = new SplittableRandom(1L);
    List<String> third = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      third.add(IssueIds.newIssueId("web", i * 100L, other));
    }
    assertThat(third).isNotEqualTo(first);
  }

  @Test
  void mapsGeneratorValuesOntoTheBase36Alphabet() {
    int[] draws = {0, 9, 10, 35, 17};
    RandomGenerator scripted =
        new RandomGenerator() {
          private int next;

          @Override
          public long nextLong() {
            throw new AssertionError("only nextInt(bound) is expected");
          }

          @Override
          public int nextInt(int bound) {
            assertThat(bound).isEqualTo(36);
            return draws[next++];
          }
        };
    assertThat(IssueIds.randomBase36(5, scripted)).isEqualTo("09azh");
  }

  @Test
  void randomBase36OfLengthZeroIsEmpty() {
    assertThat(IssueIds.randomBase36(0, new SplittableRandom(1))).isEmpty();
  }

  @Test
  void randomPartsUseTheWholeAlphabetEvenly() {
    SplittableRandom random = new SplittableRandom(99);
    Map<Character, Integer> counts = new HashMap<>();
    int parts = 100_000;
    for (int i = 0; i < parts; i++) {
      String part = IssueIds.randomBase36(8, random);
      assertThat(part).hasSize(8);
      for (char c : part.toCharArray()) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    assertThat(counts.keySet())
        .containsExactlyInAnyOrderElementsOf(ALPHABET.chars().mapToObj(c -> (char) c).toList());
    double expected = parts * 8 / 36.0;
    assertThat(counts.values())
        .allSatisfy(n -> assertThat(n).isBetween((int) (expected * 0.95), (int) (expected * 1.05)));
  }

  @Test
  void commentIdsAreTwelveBase36Characters() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100; i++) {
      assertThat(IssueIds.newCommentId(random)).matches("[0-9a-z]{12}");
    }
    assertThat(IssueIds.newCommentId(new SplittableRandom(5)))
        .isEqualTo(IssueIds.newCommentId(new SplittableRandom(5)));
  }

  @Test
  void normalizePrefixPrependsTheKeyToABareRandomPart() {
    assertThat(IssueIds.normalizePrefix("trk", "a1b")).isEqualTo("trk-a1b");
    assertThat(IssueIds.normalizePrefix("trk", "A1B")).isEqualTo("trk-a1b");
    assertThat(IssueIds.normalizePrefix("trk", "  x9 ")).isEqualTo("trk-x9");
  }

  @Test
  void normalizePrefixKeepsAFullIdAndLowerCasesIt() {
    assertThat(IssueIds.normalizePrefix("trk", "trk-a1b2")).isEqualTo("trk-a1b2");
    assertThat(IssueIds.normalizePrefix("trk", " TRK-A1 ")).isEqualTo("trk-a1");
    assertThat(IssueIds.normalizePrefix("trk", "web-zz")).isEqualTo("web-zz");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void normalizePrefixRejectsEmptyInput(String typed) {
    assertValidationFailure(
        () -> IssueIds.normalizePrefix("trk", typed), "id", "must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a_b", "a b", "trk/a1", "a.b", "é1", "a1!", "trk–a1", "%"})
  void normalizePrefixRejectsOtherCharacters(String typed) {
    assertValidationFailure(
        () -> IssueIds.normalizePrefix("trk", typed),
        "id",
        "'" + typed + "' is not an issue id",
        "at most 64");
  }

  @Test
  void normalizePrefixAcceptsExactly64AndRejects65Characters() {
    String sixtyFour = "a".repeat(64);
    assertThat(IssueIds.normalizePrefix("trk", sixtyFour)).isEqualTo("trk-" + sixtyFour);
    String sixtyFive = "a".repeat(65);
    assertValidationFailure(
        () -> IssueIds.normalizePrefix("trk", sixtyFive), "id", "not an issue id", "64");
  }

  @Test
  void prefixUpperBoundIsAboveThePrefix() {
    assertThat(IssueIds.prefixUpperBound("trk-a1")).isGreaterThan("trk-a1");
    assertThat(IssueIds.prefixUpperBound("")).isGreaterThan("");
  }

  @Test
  void idsInThePrefixRangeAreExactlyThoseStartingWithThePrefix() {
    // The store looks ids up with "id >= prefix AND id < prefixUpperBound(prefix)".
    String prefix = "trk-a1";
    String bound = IssueIds.prefixUpperBound(prefix);
    String idChars = "-" + ALPHABET;
    List<String> candidates = new ArrayList<>();
    candidates.add("");
    for (char a : idChars.toCharArray()) {
      candidates.add("" + a);
      for (char b : idChars.toCharArray()) {
        candidates.add("" + a + b);
        for (char c : idChars.toCharArray()) {
          candidates.add("" + a + b + c);
        }
      }
    }
    int inRange = 0;
    for (String tail : candidates) {
      for (String id : List.of("trk-" + tail, "trk-a" + tail, prefix + tail)) {
        boolean between = id.compareTo(prefix) >= 0 && id.compareTo(bound) < 0;
        assertThat(between).as(id).isEqualTo(id.startsWith(prefix));
        inRange += between ? 1 : 0;
      }
    }
    assertThat(inRange).isGreaterThan(candidates.size());
  }

  @Test
  void everyStringStartingWithThePrefixSortsBelowTheBound() {
    SplittableRandom random = new SplittableRandom(11);
    String prefix = "web-";
    String bound = IssueIds.prefixUpperBound(prefix);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder tail = new StringBuilder();
      int length = random.nextInt(0, 20);
      for (int j = 0; j < length; j++) {
        // Any UTF-16 unit below U+FFFF, including surrogates and high BMP characters.
        tail.append((char) random.nextInt(0, Character.MAX_VALUE));
      }
      assertThat(prefix + tail).isLessThan(bound);
    }
    assertThat(prefix + "zzzzzzzzzzzz").isLessThan(bound);
    assertThat("wec").isGreaterThan(bound);
  }
}
