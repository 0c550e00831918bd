package io.jasyncio.processor.model;

import com.sun.source.tree.Tree;
import io.jasyncio.processor.scan.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In which state a piece of the template runs: the state of the innermost recorded fragment
 * (a statement or condition the lowering placed in a state) whose source range holds it.
 *
 * <p>Asked for every reference to a local, so the fragments are indexed once: sorted by start,
 * each knows its innermost enclosing fragment, and a question climbs from the last fragment that
 * starts at or before the piece to the first that also ends after it. That is exact when the
 * ranges nest or are disjoint, as the ranges of trees do; should two ever overlap without
 * nesting, every question is answered by a pass over all fragments instead.
 */
final class FragmentStates {
  private final SourceText source;
  private final Map<Tree, Integer> fragments;
  /** The fragments by start, outer before inner; null when the ranges do not nest. */
  private final Range[] byStart;

  private record Range(int start, int end, int state, int parent) {}

  FragmentStates(SourceText source, Map<Tree, Integer> fragments) {
    this.source = source;
    this.fragments = fragments;
    this.byStart = index();
  }

  /** The state of the innermost fragment around {@code t}, or -1 when none holds it. */
  int stateOf(Tree t) {
    int start = source.start(t);
    int end = source.end(t);
    if (byStart == null || start >= end) {
      // An empty range may sit where one fragment ends and the next starts: both hold it.
      return scan(start, end);
    }
    int low = 0;
    int high = byStart.length - 1;
    int last = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (byStart[mid].start() <= start) {
        last = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    for (int i = last; i >= 0; i = byStart[i].parent()) {
      if (end <= byStart[i].end()) {
        return byStart[i].state();
      }
    }
    return -1;
  }

  private Range[] index() {
    List<int[]> ranges = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Map.Entry<Tree, Integer> f : fragments.entrySet()) {
      int start = source.start(f.getKey());
      int end = source.end(f.getKey());
      if (start < 0 || end < start) {
        return null;
      }
      // Of two fragments with one range, the pass over all of them answers with the first.
      if (seen.add(((long) start << 32) | end)) {
        ranges.add(new int[] {start, end, f.getValue()});
      }
    }
    ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> -r[1]));
    Range[] out = new Range[ranges.size()];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < out.length; i++) {
      int[] r = ranges.get(i);
      while (!open.isEmpty() && out[open.peek()].end() < r[1]) {
        if (out[open.peek()].end() > r[0]) {
          return null; // overlaps without nesting
        }
        open.pop();
      }
      out[i] = new Range(r[0], r[1], r[2], open.isEmpty() ? -1 : open.peek());
      open.push(i);
    }
    return out;
  }

  /** The pass over all fragments: the shortest whose range holds {@code [start, end]}. */
  private int scan(int start, int end) {
    int best = -1;
    int bestLength = Integer.MAX_VALUE;
    for (Map.Entry<Tree, Integer> f : fragments.entrySet()) {
      int fs = source.start(f.getKey());
      int fe = source.end(f.getKey());
      if (fs <= start && end <= fe && fe - fs < bestLength) {
        best = f.getValue();
        bestLength = fe - fs;
      }
    }
    return best;
  }
}
