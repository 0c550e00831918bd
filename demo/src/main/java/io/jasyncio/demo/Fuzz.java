package io.jasyncio.demo;

import java.util.Arrays;
import java.util.Locale;

/**
 * fuzzywuzzy's {@code fuzz.token_sort_ratio} as Python's fuzzywuzzy computes it without
 * python-Levenshtein, that is with {@code difflib.SequenceMatcher}: the tutorial's scores (55,
 * 67, 19) come from that path.
 *
 * <p>Why not {@code me.xdrop:fuzzywuzzy}: it scores with a Levenshtein-based ratio, as
 * python-Levenshtein does, which gives 25 rather than the tutorial's 19 for
 * ("tajmahal in india", "messi is famous"); difflib's Ratcliff/Obershelp is argument-order
 * sensitive (19 one way, 25 the other), and no Java library implements it. FuzzTest checks this
 * class against a table made with Python's own {@code difflib}.
 *
 * <p>Differs from Python: lower-casing is Java's {@code Locale.ROOT} rules and tokens sort by
 * UTF-16 code unit, which differ from Python's only for a few special characters.
 */
public final class Fuzz {
  private Fuzz() {}

  /**
   * The similarity of the two strings' sorted words, 0 to 100: both are lower-cased, stripped of
   * everything but letters, digits and underscores, split into words and sorted, and then
   * compared as {@link #ratio} does.
   */
  public static int tokenSortRatio(String s1, String s2) {
    return ratio(processAndSort(s1), processAndSort(s2));
  }

  /**
   * fuzzywuzzy's {@code fuzz.ratio}: 100 for equal strings, 0 if either is empty, else
   * {@code round(100 * SequenceMatcher(None, s1, s2).ratio())} with Python's half-even rounding.
   */
  public static int ratio(String s1, String s2) {
    if (s1.equals(s2)) {
      return 100;
    }
    if (s1.isEmpty() || s2.isEmpty()) {
      return 0;
    }
    return (int) Math.rint(100 * new SequenceMatcher(s1, s2).ratio());
  }

  /** fuzzywuzzy's {@code _process_and_sort} with {@code force_ascii} and {@code full_process}. */
  static String processAndSort(String s) {
    String[] tokens = fullProcess(s).split(" +");
    Arrays.sort(tokens);
    return String.join(" ", tokens).strip();
  }

  /**
   * fuzzywuzzy's {@code utils.full_process(s, force_ascii=True)}: drops the characters 128 to
   * 255, turns every non-word character ({@code \W} in Python's Unicode regular expressions)
   * into a space, lower-cases and strips.
   */
  static String fullProcess(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c >= 128 && c <= 255) {
        return;
      }
      if (isWord(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(' ');
      }
    });
    return out.toString().toLowerCase(Locale.ROOT).strip();
  }

  /** Python's {@code \w}: a letter, a digit or numeric character, or the underscore. */
  private static boolean isWord(int c) {
    if (c == '_' || Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
