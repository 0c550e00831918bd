package io.jasyncio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree of {@code python -m asyncio pstree PID} (Python 3.14) for a {@link LoopSnapshot}: each
 * task nobody awaits is a root ({@code └── (T) Task-1}); under a task, the frames of its stack
 * from its own coroutine inwards ({@code └──  Pipeline.main Pipeline.java:30}), and under the
 * frame where it waits, the tasks it awaits. Frames shared by several awaits are one node. A task
 * that awaits no task shows its own stack.
 */
final class TaskTree {
  private TaskTree() {}

  /** A node: a task (by id) or a coroutine frame. */
  private record Node(boolean task, String key) {}

  /**
   * The trees, one line per node.
   *
   * @throws IllegalStateException if tasks await each other in a circle, naming each circle
   *     (Python prints {@code ERROR: await-graph contains cycles - cannot print a tree!})
   */
  static String format(LoopSnapshot snapshot) {
    Map<String, LoopSnapshot.TaskInfo> byId = new LinkedHashMap<>();
    for (LoopSnapshot.TaskInfo t : snapshot.tasks()) {
      byId.put(t.id(), t);
    }
    checkNoCycles(byId);
    Map<Node, String> labels = new LinkedHashMap<>();
    for (LoopSnapshot.TaskInfo t : byId.values()) {
      labels.put(new Node(true, t.id()), "(T) " + t.name());
    }
    Map<Node, List<Node>> children = new HashMap<>();
    Map<Node, Map<String, Node>> frameNodes = new HashMap<>();
    Set<String> awaiting = new LinkedHashSet<>();
    for (LoopSnapshot.TaskInfo child : byId.values()) {
      for (String parentId : child.awaiters()) {
        LoopSnapshot.TaskInfo parent = byId.get(parentId);
        if (parent == null) {
          continue;
        }
        awaiting.add(parentId);
        Node at = framesUnder(new Node(true, parentId), parent.stack(), labels, children,
            frameNodes);
        List<Node> kids = children.computeIfAbsent(at, k -> new ArrayList<>());
        Node childNode = new Node(true, child.id());
        if (!kids.contains(childNode)) {
          kids.add(childNode);
        }
      }
    }
    for (LoopSnapshot.TaskInfo t : byId.values()) {
      if (!awaiting.contains(t.id())) {
        framesUnder(new Node(true, t.id()), t.stack(), labels, children, frameNodes);
      }
    }
    Set<Node> isChild = new LinkedHashSet<>();
    children.values().forEach(isChild::addAll);
    List<String> lines = new ArrayList<>();
    for (Node n : labels.keySet()) {
      if (n.task() && !isChild.contains(n)) {
        render(n, "", true, labels, children, lines);
      }
    }
    return String.join("\n", lines);
  }

  /** Adds the frames of {@code stack} under {@code top}, outermost first; returns the innermost. */
  private static Node framesUnder(Node top, List<FrameCallGraphEntry> stack,
      Map<Node, String> labels, Map<Node, List<Node>> children,
      Map<Node, Map<String, Node>> frameNodes) {
    Node cur = top;
    for (int i = stack.size() - 1; i >= 0; i--) {
      StackTraceElement f = stack.get(i).frame();
      String label = TaskTable.function(f) + " " + f.getFileName() + ":" + f.getLineNumber();
      Map<String, Node> known = frameNodes.computeIfAbsent(cur, k -> new HashMap<>());
      Node next = known.get(label);
      if (next == null) {
        next = new Node(false, "c" + (labels.size() + 1));
        labels.put(next, " " + label); // Python's empty coroutine mark, then a space
        children.computeIfAbsent(cur, k -> new ArrayList<>()).add(next);
        known.put(label, next);
      }
      cur = next;
    }
    return cur;
  }

  private static void render(Node node, String prefix, boolean last, Map<Node, String> labels,
      Map<Node, List<Node>> children, List<String> lines) {
    lines.add(prefix + (last ? "└── " : "├── ") + labels.get(node));
    String inner = prefix + (last ? "    " : "│   ");
    List<Node> kids = children.getOrDefault(node, List.of());
    for (int i = 0; i < kids.size(); i++) {
      render(kids.get(i), inner, i == kids.size() - 1, labels, children, lines);
    }
  }

  /** Throws if some tasks await each other in a circle, as Python's depth-first search finds. */
  private static void checkNoCycles(Map<String, LoopSnapshot.TaskInfo> byId) {
    Map<String, List<String>> awaits = new LinkedHashMap<>(); // awaiter -> the tasks it awaits
    for (LoopSnapshot.TaskInfo child : byId.values()) {
      for (String parent : child.awaiters()) {
        awaits.computeIfAbsent(parent, k -> new ArrayList<>()).add(child.id());
      }
    }
    Map<String, Integer> color = new HashMap<>(); // absent: not seen; 1: on the path; 2: done
    List<String> path = new ArrayList<>();
    List<List<String>> cycles = new ArrayList<>();
    for (String v : new ArrayList<>(awaits.keySet())) {
      if (!color.containsKey(v)) {
        search(v, awaits, color, path, cycles);
      }
    }
    if (cycles.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(
        "ERROR: await-graph contains cycles - cannot print a tree!\n");
    for (List<String> cycle : cycles) {
      List<String> names = new ArrayList<>();
      for (String id : cycle) {
        LoopSnapshot.TaskInfo t = byId.get(id);
        names.add(t == null ? id : t.name());
      }
      message.append("\ncycle: ").append(String.join(" → ", names));
    }
    throw new IllegalStateException(message.toString());
  }

  private static void search(String v, Map<String, List<String>> awaits,
      Map<String, Integer> color, List<String> path, List<List<String>> cycles) {
    color.put(v, 1);
    path.add(v);
    for (String w : awaits.getOrDefault(v, List.of())) {
      Integer c = color.get(w);
      if (c == null) {
        search(w, awaits, color, path, cycles);
      } else if (c == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(w), path.size()));
        cycle.add(w);
        cycles.add(cycle);
      }
    }
    color.put(v, 2);
    path.remove(path.size() - 1);
  }
}
