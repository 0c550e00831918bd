package io.jasyncio.demo;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b)} on the code points of two strings, as far
 * as {@link #ratio()} needs: Ratcliff/Obershelp matching, with difflib's "popular element"
 * heuristic ({@code autojunk}: in a {@code b} of 200 or more elements, an element found in more
 * than 1% of it + 1 places does not start a match, though it can extend one). Like difflib it is
 * sensitive to argument order.
 *
 * <p>A port of CPython 3.11's {@code Lib/difflib.py} ({@code __chain_b},
 * {@code find_longest_match}, {@code get_matching_blocks}, {@code ratio}), without {@code isjunk}.
 */
final class SequenceMatcher {
  private static final int[] NOTHING = new int[0];

  private final int[] a;
  private final int[] b;
  /** For each element of b not popular, the ascending indices where it occurs. */
  private final Map<Integer, int[]> b2j = new HashMap<>();
  /** find_longest_match's j2len and newj2len, indexed by j + 1; zero outside the touched ones. */
  private final int[] j2len;
  private final int[] newj2len;

  SequenceMatcher(String a, String b) {
    this.a = a.codePoints().toArray();
    this.b = b.codePoints().toArray();
    this.j2len = new int[this.b.length + 1];
    this.newj2len = new int[this.b.length + 1];
    chainB();
  }

  /** {@code 2.0 * M / T}: M matched elements, T elements in both; 1.0 for two empty strings. */
  double ratio() {
    int length = a.length + b.length;
    return length == 0 ? 1.0 : 2.0 * matches() / length;
  }

  /** The sum of the sizes of get_matching_blocks() (adjacent blocks collapsed or not). */
  private int matches() {
    int total = 0;
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    queue.push(new int[] {0, a.length, 0, b.length});
    while (!queue.isEmpty()) {
      int[] q = queue.pop();
      int alo = q[0];
      int ahi = q[1];
      int blo = q[2];
      int bhi = q[3];
      int[] m = findLongestMatch(alo, ahi, blo, bhi);
      int i = m[0];
      int j = m[1];
      int k = m[2];
      if (k > 0) {
        total += k;
        if (alo < i && blo < j) {
          queue.push(new int[] {alo, i, blo, j});
        }
        if (i + k < ahi && j + k < bhi) {
          queue.push(new int[] {i + k, ahi, j + k, bhi});
        }
      }
    }
    return total;
  }

  /** difflib's __chain_b with isjunk None and autojunk True. */
  private void chainB() {
    Map<Integer, int[]> counts = new HashMap<>();
    for (int elt : b) {
      counts.merge(elt, new int[] {1}, (x, y) -> {
        x[0]++;
        return x;
      });
    }
    int n = b.length;
    int ntest = n / 100 + 1;
    Map<Integer, Integer> filled = new HashMap<>();
    for (int j = 0; j < n; j++) {
      int elt = b[j];
      int count = counts.get(elt)[0];
      if (n >= 200 && count > ntest) {
        continue; // popular: purged from b2j
      }
      int[] indices = b2j.computeIfAbsent(elt, e -> new int[count]);
      int at = filled.merge(elt, 1, Integer::sum) - 1;
      indices[at] = j;
    }
  }

  /**
   * The longest matching block in a[alo:ahi] and b[blo:bhi] as {i, j, size}; of the longest, the
   * one that starts earliest in a, and of those the one that starts earliest in b; then extended
   * by the elements the popular-element rule kept out of b2j.
   */
  private int[] findLongestMatch(int alo, int ahi, int blo, int bhi) {
    int besti = alo;
    int bestj = blo;
    int bestsize = 0;
    int[] prev = j2len;
    int[] next = newj2len;
    int[] prevTouched = new int[Math.max(0, bhi - blo)];
    int prevCount = 0;
    int[] nextTouched = new int[prevTouched.length];
    for (int i = alo; i < ahi; i++) {
      int nextCount = 0;
      for (int j : b2j.getOrDefault(a[i], NOTHING)) {
        if (j < blo) {
          continue;
        }
        if (j >= bhi) {
          break;
        }
        int k = prev[j] + 1; // j2len.get(j - 1, 0) + 1, at index (j - 1) + 1
        next[j + 1] = k;
        nextTouched[nextCount++] = j + 1;
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      for (int t = 0; t < prevCount; t++) {
        prev[prevTouched[t]] = 0;
      }
      int[] swap = prev;
      prev = next;
      next = swap;
      int[] swapTouched = prevTouched;
      prevTouched = nextTouched;
      nextTouched = swapTouched;
      prevCount = nextCount;
    }
    for (int t = 0; t < prevCount; t++) {
      prev[prevTouched[t]] = 0;
    }
    // With no isjunk nothing is junk, so difflib's two junk-extending loops never run.
    while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi
        && a[besti + bestsize] == b[bestj + bestsize]) {
      bestsize++;
    }
    return new int[] {besti, bestj, bestsize};
  }
}
