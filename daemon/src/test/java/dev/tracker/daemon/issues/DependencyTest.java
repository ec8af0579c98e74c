package dev.tracker.daemon.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracker.core.api.DependencyCycle;
import dev.tracker.core.api.DependencyTree;
import dev.tracker.core.api.TreeDirection;
import dev.tracker.core.error.ErrorCode;
import dev.tracker.core.error.TrackerException;
import dev.tracker.core.model.Dependency;
import dev.tracker.core.model.DependencyKind;
import dev.tracker.core.model.EventKind;
import dev.tracker.core.model.Issue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyTest {
  @TempDir Path dir;
  StoreFixture f;
  DependencyService deps;

  @BeforeEach
  void open() {
    f = new StoreFixture(dir);
    deps = f.store.dependencies();
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void addListAndRemoveEveryKind() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    for (DependencyKind kind : DependencyKind.values()) {
      assertThat(deps.add("trk", a.id(), b.id(), kind, "x"))
          .isEqualTo(new Dependency(a.id(), b.id(), kind));
    }
    assertThat(deps.of("trk", a.id()))
        .extracting(Dependency::kind)
        .containsExactlyInAnyOrder(DependencyKind.values());
    assertThat(deps.of("trk", b.id())).hasSize(4).allMatch(d -> d.issue().equals(a.id()));
    assertThat(f.store.issues().get("trk", a.id()).parent()).isEqualTo(b.id());

    for (DependencyKind kind : DependencyKind.values()) {
      deps.remove("trk", a.id(), b.id(), kind, "x");
    }
    assertThat(deps.of("trk", a.id())).isEmpty();
    assertThat(f.store.issues().get("trk", a.id()).parent()).isNull();
    assertThat(f.store.queries().history("trk", a.id()))
        .filteredOn(e -> e.kind() == EventKind.DEPENDENCY_ADDED)
        .hasSize(4);
  }

  @Test
  void addingTwiceIsANoOpAndRemovingAMissingEdgeIsNotFound() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    deps.add("trk", a.id(), b.id(), DependencyKind.BLOCKS, "x");
    long count = f.store.projects().get("trk").changeCount();
    deps.add("trk", a.id(), b.id(), DependencyKind.BLOCKS, "x");
    assertThat(f.store.projects().get("trk").changeCount()).isEqualTo(count);
    assertThat(deps.of("trk", a.id())).hasSize(1);

    assertThatThrownBy(() -> deps.remove("trk", a.id(), b.id(), DependencyKind.RELATED, "x"))
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void selfDependencyIsInvalid() {
    Issue a = f.create("A");
    assertThatThrownBy(() -> deps.add("trk", a.id(), a.id(), DependencyKind.RELATED, "x"))
        .extracting(e -> ((TrackerException) e).code())
        .isEqualTo(ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void blockingCycleIsRefusedWithItsPath() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    Issue c = f.create("C");
    deps.add("trk", a.id(), b.id(), DependencyKind.BLOCKS, "x");
    deps.add("trk", b.id(), c.id(), DependencyKind.BLOCKS, "x");

    assertThatThrownBy(() -> deps.add("trk", c.id(), a.id(), DependencyKind.BLOCKS, "x"))
        .isInstanceOf(TrackerException.class)
        .hasMessageContaining(c.id() + " -> " + a.id() + " -> " + b.id() + " -> " + c.id())
        .satisfies(
            e -> {
              TrackerException t = (TrackerException) e;
              assertThat(t.code()).isEqualTo(ErrorCode.DEPENDENCY_CYCLE);
              assertThat(t.candidates()).containsExactly(c.id(), a.id(), b.id(), c.id());
            });
    assertThat(deps.of("trk", c.id())).noneMatch(d -> d.issue().equals(c.id()));
    // Other kinds may point backwards: only blocks must stay acyclic.
    deps.add("trk", c.id(), a.id(), DependencyKind.RELATED, "x");
    assertThat(deps.cycles("trk")).isEmpty();
  }

  @Test
  void longChainCycleIsFoundWithoutRecursionLimits() {
    List<Issue> chain = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      chain.add(f.create("link " + i));
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      deps.add("trk", chain.get(i).id(), chain.get(i + 1).id(), DependencyKind.BLOCKS, "x");
    }
    Issue last = chain.get(chain.size() - 1);
    assertThatThrownBy(
            () -> deps.add("trk", last.id(), chain.get(0).id(), DependencyKind.BLOCKS, "x"))
        .satisfies(e -> assertThat(((TrackerException) e).candidates()).hasSize(401));
  }

  @Test
  void treeDownAndUpWithDepthLimit() {
    Issue root = f.create("Root");
    Issue mid = f.create("Mid");
    Issue leaf = f.create("Leaf");
    deps.add("trk", root.id(), mid.id(), DependencyKind.BLOCKS, "x");
    deps.add("trk", mid.id(), leaf.id(), DependencyKind.DISCOVERED_FROM, "x");

    DependencyTree down = deps.tree("trk", root.id(), TreeDirection.DOWN, null);
    assertThat(down.issue().id()).isEqualTo(root.id());
    assertThat(down.kind()).isNull();
    assertThat(down.children())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.issue().id()).isEqualTo(mid.id());
              assertThat(n.kind()).isEqualTo(DependencyKind.BLOCKS);
              assertThat(n.children())
                  .singleElement()
                  .extracting(l -> l.issue().title())
                  .isEqualTo("Leaf");
            });

    DependencyTree shallow = deps.tree("trk", root.id(), TreeDirection.DOWN, 1);
    assertThat(shallow.children())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.children()).isEmpty();
              assertThat(n.truncated()).isTrue();
            });

    DependencyTree up = deps.tree("trk", leaf.id(), TreeDirection.UP, null);
    assertThat(up.children().get(0).children().get(0).issue().id()).isEqualTo(root.id());

    assertThatThrownBy(() -> deps.tree("trk", root.id(), TreeDirection.DOWN, 0))
        .extracting(e -> ((TrackerException) e).field())
        .isEqualTo("depth");
  }

  @Test
  void cyclesThatArriveAroundTheRulesAreReported() {
    Issue a = f.create("A");
    Issue b = f.create("B");
    Issue c = f.create("C");
    Issue d = f.create("D");
    deps.add("trk", a.id(), b.id(), DependencyKind.BLOCKS, "x");
    deps.add("trk", b.id(), c.id(), DependencyKind.BLOCKS, "x");
    deps.add("trk", c.id(), d.id(), DependencyKind.BLOCKS, "x");
    // Sync unions edges from two clones without the add-time check; simulate that with raw SQL.
    f.database.write(
        s ->
            s.createNativeMutationQuery(
                    "INSERT INTO dependency (issue_id, depends_on, kind, created_at)"
                        + " VALUES (:a, :b, 'blocks', '2026-01-01T00:00:00.000Z')")
                .setParameter("a", c.id())
                .setParameter("b", a.id())
                .executeUpdate());

    List<DependencyCycle> cycles = deps.cycles("trk");
    assertThat(cycles)
        .singleElement()
        .satisfies(
            cycle -> {
              List<String> path = cycle.path();
              assertThat(path.get(0)).isEqualTo(path.get(path.size() - 1));
              assertThat(path).containsAll(List.of(a.id(), b.id(), c.id())).doesNotContain(d.id());
              assertThat(path).hasSize(4);
            });

    DependencyTree tree = deps.tree("trk", a.id(), TreeDirection.DOWN, 50);
    assertThat(tree.children().get(0).children().get(0).children())
        .anySatisfy(
            n -> {
              assertThat(n.issue().id()).isEqualTo(a.id());
              assertThat(n.truncated()).isTrue();
            });
  }
}
