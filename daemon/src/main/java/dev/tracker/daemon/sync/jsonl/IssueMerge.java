package dev.tracker.daemon.sync.jsonl;

import dev.tracker.core.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one merge of sync files. Import (database against file) and the git merge driver both call
 * it, so the two can never disagree about what a merge means.
 *
 * <p>{@code base} is the common ancestor when one is known ({@code null} when it is not: then the
 * rules fall back to last-writer-wins and union). {@code ours} and {@code theirs} are the two
 * sides; every rule treats them alike, so {@code merge(b, x, y)} equals {@code merge(b, y, x)}, and
 * {@code merge(b, x, x)} is {@code x}.
 *
 * <h2>Files (by issue id)</h2>
 *
 * <ul>
 *   <li>An id on both sides: the two issues are merged by the rules below, with the base's line for
 *       that id as their ancestor (none if the base has no such line).
 *   <li>An id on one side only: kept as that side has it, whether it was added there or its line
 *       was removed by hand on the other side. An issue is never lost silently; deleting one means
 *       a tombstone ({@code deletedAt}), which travels like any other change.
 *   <li>An id in the base only: both sides removed its line; it stays out.
 * </ul>
 *
 * <h2>Issues (one id)</h2>
 *
 * <ul>
 *   <li><b>Scalars</b> ({@code title}, {@code description}, {@code priority}, {@code type}, {@code
 *       assignee}, {@code parent}, and the status group below), each on its own. Equal on both
 *       sides: that value. With a base: if only one side changed it from the base, that side's
 *       value. Otherwise (both changed it, or no base): the value of the side with the later {@code
 *       updatedAt}; if both {@code updatedAt} are equal, the value whose JSON text sorts last (a
 *       value beats no value), which does not depend on which side is which.
 *   <li><b>Status group</b>: {@code status}, {@code closedAt} and {@code closeReason} are one
 *       scalar and come together from one side, so a closed issue never loses its {@code closedAt}
 *       and an open one never carries a stale close reason.
 *   <li><b>{@code createdAt}</b>: the earlier of the two. <b>{@code updatedAt}</b>: the later.
 *   <li><b>Labels and dependencies</b>: with a base, a three-way set merge: an element on both
 *       sides stays; one added on either side is added; one removed on one side while the other
 *       kept it is removed. Without a base: the union.
 *   <li><b>Comments</b>, by comment id: on both sides, the same comment stays; if it differs, the
 *       side that changed it from the base wins, otherwise the version whose JSON text sorts last.
 *       On one side only: if the base has it unchanged, the other side deleted it and it goes;
 *       otherwise (added on that side, or no base) it stays.
 *   <li><b>Tombstones</b> ({@code deletedAt}): deleted on both sides, a tombstone with the later
 *       {@code deletedAt}. Deleted on one side only: deletion versus modification keeps the issue
 *       ({@code deletedAt} cleared) when the live side changed anything since the base, or, with no
 *       base, when its {@code updatedAt} is later than the deletion; otherwise the tombstone stays.
 *       Either way every other field is merged as above, so labels and comments added on the live
 *       side are never dropped.
 * </ul>
 */
public final class IssueMerge {
  private IssueMerge() {}

  /**
   * Merges two versions of a sync file, issue by issue. The result is sorted by id.
   *
   * @param base the common ancestor's issues, or {@code null} if no ancestor is known
   * @throws IllegalArgumentException if a list holds an id twice
   */
  public static List<IssueLine> merge(
      List<IssueLine> base, List<IssueLine> ours, List<IssueLine> theirs) {
    Map<String, IssueLine> ancestor = base == null ? Map.of() : byId("base", base);
    Map<String, IssueLine> left = byId("ours", ours);
    Map<String, IssueLine> right = byId("theirs", theirs);
    TreeSet<String> ids = new TreeSet<>(left.keySet());
    ids.addAll(right.keySet());
    List<IssueLine> merged = new ArrayList<>(ids.size());
    for (String id : ids) {
      IssueLine x = left.get(id);
      IssueLine y = right.get(id);
      merged.add(x != null && y != null ? merge(ancestor.get(id), x, y) : x != null ? x : y);
    }
    return List.copyOf(merged);
  }

  /**
   * Merges two versions of one issue.
   *
   * @param base the common ancestor, or {@code null} if none is known
   * @throws IllegalArgumentException if the ids differ or a side has no {@code updatedAt}
   */
  public static IssueLine merge(IssueLine base, IssueLine ours, IssueLine theirs) {
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(theirs, "theirs");
    if (!Objects.equals(ours.id(), theirs.id())
        || (base != null && !Objects.equals(base.id(), ours.id()))) {
      throw new IllegalArgumentException(
          "cannot merge different issues: "
              + (base == null ? "" : base.id() + ", ")
              + ours.id()
              + ", "
              + theirs.id());
    }
    if (ours.updatedAt() == null || theirs.updatedAt() == null) {
      throw new IllegalArgumentException("issue " + ours.id() + " has no updatedAt to merge by");
    }
    if (ours.equals(theirs)) {
      return ours;
    }
    Sides sides = new Sides(base, ours, theirs);
    List<Object> status =
        sides.scalar(line -> Arrays.asList(line.status(), line.closedAt(), line.closeReason()));
    return new IssueLine(
        ours.id(),
        sides.scalar(IssueLine::title),
        sides.scalar(IssueLine::description),
        (Status) status.get(0),
        sides.scalar(IssueLine::priority),
        sides.scalar(IssueLine::type),
        sides.scalar(IssueLine::assignee),
        sides.set(IssueLine::labels),
        sides.scalar(IssueLine::parent),
        earlier(ours.createdAt(), theirs.createdAt()),
        later(ours.updatedAt(), theirs.updatedAt()),
        (Instant) status.get(1),
        (String) status.get(2),
        sides.deletedAt(),
        sides.set(IssueLine::dependencies),
        sides.comments());
  }

  /** The three versions of one issue, and the rules that combine them field by field. */
  private record Sides(IssueLine base, IssueLine ours, IssueLine theirs) {

    <T> T scalar(Function<IssueLine, T> field) {
      T x = field.apply(ours);
      T y = field.apply(theirs);
      if (Objects.equals(x, y)) {
        return x;
      }
      if (base != null) {
        T b = field.apply(base);
        if (Objects.equals(x, b)) {
          return y;
        }
        if (Objects.equals(y, b)) {
          return x;
        }
      }
      int order = ours.updatedAt().compareTo(theirs.updatedAt());
      if (order != 0) {
        return order > 0 ? x : y;
      }
      return tieBreak(x, y);
    }

    <T> List<T> set(Function<IssueLine, List<T>> field) {
      Set<T> x = new LinkedHashSet<>(field.apply(ours));
      Set<T> y = new LinkedHashSet<>(field.apply(theirs));
      Set<T> merged = new LinkedHashSet<>();
      if (base == null) {
        merged.addAll(x);
        merged.addAll(y);
        return List.copyOf(merged);
      }
      Set<T> b = new LinkedHashSet<>(field.apply(base));
      for (T element : x) {
        if (y.contains(element) || !b.contains(element)) {
          merged.add(element);
        }
      }
      for (T element : y) {
        if (!b.contains(element)) {
          merged.add(element);
        }
      }
      return List.copyOf(merged);
    }

    List<CommentLine> comments() {
      Map<String, CommentLine> b = base == null ? Map.of() : commentsById(base);
      Map<String, CommentLine> x = commentsById(ours);
      Map<String, CommentLine> y = commentsById(theirs);
      TreeSet<String> ids = new TreeSet<>(x.keySet());
      ids.addAll(y.keySet());
      List<CommentLine> merged = new ArrayList<>();
      for (String id : ids) {
        CommentLine left = x.get(id);
        CommentLine right = y.get(id);
        CommentLine ancestor = b.get(id);
        if (left != null && right != null) {
          if (left.equals(right) || right.equals(ancestor)) {
            merged.add(left);
          } else if (left.equals(ancestor)) {
            merged.add(right);
          } else {
            merged.add(tieBreak(left, right));
          }
        } else {
          CommentLine present = left != null ? left : right;
          if (!present.equals(ancestor)) {
            merged.add(present);
          }
        }
      }
      return merged;
    }

    Instant deletedAt() {
      Instant x = ours.deletedAt();
      Instant y = theirs.deletedAt();
      if (x == null && y == null) {
        return null;
      }
      if (x != null && y != null) {
        return later(x, y);
      }
      IssueLine deleted = x != null ? ours : theirs;
      IssueLine live = x != null ? theirs : ours;
      boolean liveChanged =
          base != null ? !live.equals(base) : live.updatedAt().isAfter(deleted.deletedAt());
      return liveChanged ? null : deleted.deletedAt();
    }
  }

  /**
   * Chooses between two different values without looking at which side they came from: the one
   * whose JSON text sorts last; a value beats no value.
   */
  private static <T> T tieBreak(T x, T y) {
    if (x == null || y == null) {
      return x == null ? y : x;
    }
    return JsonlCodec.text(x).compareTo(JsonlCodec.text(y)) >= 0 ? x : y;
  }

  private static Instant earlier(Instant x, Instant y) {
    return x == null ? y : y == null ? x : x.isBefore(y) ? x : y;
  }

  private static Instant later(Instant x, Instant y) {
    return x == null ? y : y == null ? x : x.isAfter(y) ? x : y;
  }

  private static Map<String, IssueLine> byId(String side, List<IssueLine> issues) {
    Map<String, IssueLine> byId = new HashMap<>();
    for (IssueLine issue : issues) {
      if (byId.put(issue.id(), issue) != null) {
        throw new IllegalArgumentException(side + " holds issue " + issue.id() + " twice");
      }
    }
    return byId;
  }

  private static Map<String, CommentLine> commentsById(IssueLine issue) {
    Map<String, CommentLine> byId = new HashMap<>();
    for (CommentLine comment : issue.comments()) {
      byId.merge(comment.id(), comment, IssueMerge::tieBreak);
    }
    return byId;
  }
}
