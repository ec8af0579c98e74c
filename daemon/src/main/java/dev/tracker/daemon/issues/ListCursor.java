package dev.tracker.daemon.issues;

import dev.tracker.core.api.IssueSort;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Issue;
import dev.tracker.daemon.storage.InstantText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort keys of the last issue of a page. Resuming after those keys,
 * rather than at an offset, keeps pages stable while issues are created or deleted meanwhile.
 */
final class ListCursor {
  private static final String VERSION = "v1";

  private ListCursor() {}

  static String after(IssueSort sort, Issue last) {
    List<String> keys =
        switch (sort) {
          case PRIORITY ->
              List.of(
                  String.valueOf(last.priority().level()),
                  InstantText.format(last.createdAt()),
                  last.id());
          case CREATED -> List.of(InstantText.format(last.createdAt()), last.id());
          case UPDATED -> List.of(InstantText.format(last.updatedAt()), last.id());
          case ID -> List.of(last.id());
        };
    String text = VERSION + "\n" + sort.wire() + "\n" + String.join("\n", keys);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The sort keys stored in {@code cursor}, checked against the sort they must belong to. */
  static List<Object> keys(IssueSort sort, String cursor) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException e) {
      throw TrackerException.invalid("cursor", "is not a cursor returned by this API");
    }
    int expected = sort == IssueSort.PRIORITY ? 3 : sort == IssueSort.ID ? 1 : 2;
    if (parts.length != expected + 2 || !VERSION.equals(parts[0])) {
      throw TrackerException.invalid("cursor", "is not a cursor returned by this API");
    }
    if (!sort.wire().equals(parts[1])) {
      throw TrackerException.invalid(
          "cursor",
          "belongs to sort '" + parts[1] + "', not '" + sort.wire() + "'; use the same sort");
    }
    if (sort == IssueSort.PRIORITY) {
      try {
        return List.of(Integer.parseInt(parts[2]), parts[3], parts[4]);
      } catch (NumberFormatException e) {
        throw TrackerException.invalid("cursor", "is not a cursor returned by this API");
      }
    }
    return List.<Object>copyOf(java.util.Arrays.asList(parts).subList(2, parts.length));
  }
}
