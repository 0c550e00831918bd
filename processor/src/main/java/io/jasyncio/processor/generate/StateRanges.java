package io.jasyncio.processor.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a machine's states, in order, into contiguous ranges of at most a given number of
 * generated lines each, so that each range can be one method of its own: the JVM allows a method
 * 64 KB of code, and javac reports {@code code too large} past it.
 *
 * <p>A state's size is the number of lines it is written as, lambdas included: a conservative
 * estimate of its code, since a continuation's lambda body compiles to a method of its own. A
 * state longer than the limit gets a range of its own; it cannot be cut (and would not fit in the
 * template's own method either).
 */
final class StateRanges {
  /** States {@code first} to {@code last} (indices into the machine's states, both included). */
  record Range(int first, int last) {}

  private StateRanges() {}

  /**
   * The ranges of states whose sizes in lines are {@code lines}: one range of them all when they
   * total {@code maxLines} or fewer, else ranges filled in order up to {@code maxLines} each.
   */
  static List<Range> of(int[] lines, int maxLines) {
    long total = 0;
    for (int l : lines) {
      total += l;
    }
    if (total <= maxLines || lines.length <= 1) {
      return List.of(new Range(0, lines.length - 1));
    }
    List<Range> out = new ArrayList<>();
    int first = 0;
    long filled = 0;
    for (int i = 0; i < lines.length; i++) {
      if (i > first && filled + lines[i] > maxLines) {
        out.add(new Range(first, i - 1));
        first = i;
        filled = 0;
      }
      filled += lines[i];
    }
    out.add(new Range(first, lines.length - 1));
    return out;
  }

  /** How many lines {@code code} is written as. */
  static int linesOf(String code) {
    int lines = 1;
    for (int i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) {
      lines++;
    }
    return lines;
  }
}
