package io.jasyncio.demo;

import java.io.Serializable;

/**
 * The tutorial's {@code fuzzy_match(args)}: the function tutorial section 3.2 sends to the worker
 * processes, with the types of its argument and result. All three cross to a worker JVM and back,
 * so they are serializable and public.
 */
public final class FuzzyMatch {
  private FuzzyMatch() {}

  /**
   * A pair of phrases, the tutorial's {@code (q1, q2)} tuple; prints as Python prints it.
   *
   * @param q1 the first phrase
   * @param q2 the second phrase
   */
  public record Pair(String q1, String q2) implements Serializable {
    @Override
    public String toString() {
      return "(" + quoted(q1) + ", " + quoted(q2) + ")";
    }
  }

  /**
   * A pair and its score, the tutorial's {@code {(q1, q2): score}} dict; prints as Python prints
   * it.
   *
   * @param pair the phrases
   * @param score their token_sort_ratio
   */
  public record Match(Pair pair, int score) implements Serializable {
    @Override
    public String toString() {
      return "{" + pair + ": " + score + "}";
    }
  }

  /** {@code return {(q1, q2): fuzz.token_sort_ratio(q1, q2)}}. */
  public static Match fuzzyMatch(Pair args) {
    return new Match(args, Fuzz.tokenSortRatio(args.q1(), args.q2()));
  }

  /** Python's repr of a str without quotes or backslashes inside: in single quotes. */
  private static String quoted(String s) {
    return "'" + s + "'";
  }
}
