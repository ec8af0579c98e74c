package dev.tracker.daemon.issues;

import dev.tracker.core.api.DependencyCycle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds one cycle in each strongly connected component of a directed graph (Tarjan's algorithm,
 * iterative so that a 10,000-long chain cannot overflow the stack). Cycles can only enter the store
 * through sync, which unions the edges of two clones; this reports them.
 */
final class CycleFinder {
  private final Map<String, List<String>> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Set<String> onStack = new HashSet<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final List<Set<String>> components = new ArrayList<>();
  private int counter;

  CycleFinder(Map<String, List<String>> edges) {
    this.edges = edges;
  }

  List<DependencyCycle> cycles() {
    for (String node : new TreeSet<>(edges.keySet())) {
      if (!index.containsKey(node)) {
        strongConnect(node);
      }
    }
    List<DependencyCycle> cycles = new ArrayList<>();
    for (Set<String> component : components) {
      String start = new TreeSet<>(component).first();
      Map<String, List<String>> inside = new HashMap<>();
      for (String node : component) {
        List<String> next = new ArrayList<>();
        for (String target : edges.getOrDefault(node, List.of())) {
          if (component.contains(target)) {
            next.add(target);
          }
        }
        inside.put(node, next);
      }
      List<String> path = new ArrayList<>();
      for (String first : inside.get(start)) {
        path = DependencyRules.shortestPath(inside, first, start);
        path.add(0, start);
        break;
      }
      cycles.add(new DependencyCycle(path));
    }
    return cycles;
  }

  private void strongConnect(String root) {
    Deque<Object[]> work = new ArrayDeque<>();
    visit(root);
    work.push(new Object[] {root, 0});
    while (!work.isEmpty()) {
      Object[] frame = work.peek();
      String node = (String) frame[0];
      int next = (Integer) frame[1];
      List<String> targets = edges.getOrDefault(node, List.of());
      if (next < targets.size()) {
        frame[1] = next + 1;
        String target = targets.get(next);
        if (!index.containsKey(target)) {
          visit(target);
          work.push(new Object[] {target, 0});
        } else if (onStack.contains(target)) {
          low.put(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (!work.isEmpty()) {
        String parent = (String) work.peek()[0];
        low.put(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new HashSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }

  private void visit(String node) {
    index.put(node, counter);
    low.put(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
  }
}
