package io.jasyncio.benchmarks;

import io.jasyncio.demo.FuzzyMatch.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs every peer gets, made by a 64-bit linear congruential generator that the Python
 * script repeats bit for bit ({@code Lcg} there), so the Java and Python peers sleep the same
 * delays and score the same pairs, and their checksums can be compared.
 */
final class Inputs {
  /** The words of the tutorial's phrases, and a few more. */
  static final List<String> WORDS = List.of("football", "is", "famous", "tajmahal", "in",
      "india", "messi", "plays", "aisa", "the", "of", "cricket", "agra", "goal", "a", "match");
  /** How many phrases each list of the fuzzy match has. */
  static final int PHRASES = 2_000;

  private long state;

  Inputs(long seed) {
    this.state = seed;
  }

  /** The next 31 random bits (Knuth's MMIX constants; the top bits are the good ones). */
  int next() {
    state = state * 6364136223846793005L + 1442695040888963407L;
    return (int) (state >>> 33);
  }

  /** {@code n} sleep delays in seconds, whole milliseconds from 0 to 100. */
  static double[] delays(int n) {
    Inputs random = new Inputs(42);
    double[] delays = new double[n];
    for (int i = 0; i < n; i++) {
      delays[i] = (random.next() % 101) / 1000.0;
    }
    return delays;
  }

  /**
   * {@code n} pairs of the fuzzy match: the pairs of two lists of {@link #PHRASES} phrases, row
   * by row ({@code list1[0]} against every phrase of {@code list2}, then {@code list1[1]}, ...).
   */
  static List<Pair> pairs(int n) {
    Inputs random = new Inputs(7);
    List<String> list1 = phrases(random);
    List<String> list2 = phrases(random);
    List<Pair> pairs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pairs.add(new Pair(list1.get(i % PHRASES), list2.get(i / PHRASES % PHRASES)));
    }
    return pairs;
  }

  private static List<String> phrases(Inputs random) {
    List<String> phrases = new ArrayList<>(PHRASES);
    for (int i = 0; i < PHRASES; i++) {
      int words = 2 + random.next() % 4;
      StringBuilder phrase = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          phrase.append(' ');
        }
        phrase.append(WORDS.get(random.next() % WORDS.size()));
      }
      phrases.add(phrase.toString());
    }
    return phrases;
  }
}
